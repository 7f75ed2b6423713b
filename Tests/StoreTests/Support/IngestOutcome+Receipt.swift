import Desk

extension IngestOutcome {
    /// The receipt of a stored message; fails the test (by throwing) for a duplicate.
    var receipt: IngestReceipt {
        get throws {
            guard case .stored(let receipt) = self else { throw FixtureError.unexpectedDuplicate }
            return receipt
        }
    }
}
