public import Foundation

/// Reads a child process's pipe to its end without holding a Swift concurrency thread.
///
/// The cooperative pool has one thread per core, two on the test machine. `readDataToEndOfFile` blocks
/// until the child exits, which for `testnet.py start` takes 10-20 s; run in a `Task.detached` it still
/// occupies a pool thread, and two network starts at once stalled every other test's awaits until their
/// timeouts fired. A Dispatch global queue has threads of its own.
public enum PipeReader {
    public static func readToEnd(_ pipe: Pipe) async -> Data {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: pipe.fileHandleForReading.readDataToEndOfFile())
            }
        }
    }
}
