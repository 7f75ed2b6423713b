/// A fixture met a value the test did not expect.
enum FixtureError: Error {
    case unexpectedDuplicate
}
