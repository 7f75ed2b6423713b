/// Stops the fuzzer when a property that must hold for every input does not.
///
/// `fatalError` rather than `precondition`: its message survives `-O`, and the trap makes libFuzzer
/// save the input as a crash artifact. Compiled into every fuzz target next to the module under test.
func fuzzInvariant(_ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #file, line: UInt = #line) {
    if !condition {
        fatalError("fuzz invariant violated: \(message())", file: file, line: line)
    }
}
