import Foundation

/// The Python fixture servers (Fixtures/*.py) share one protocol: started with their arguments, they
/// write stdout and stderr to DIR/server.log and their port to DIR/port once they listen.
enum FixtureProcess {
    /// Starts `python3 script arguments…` with its output in `directory`/server.log.
    static func launch(script: String, _ arguments: [String], directory: URL) throws -> Process {
        try UnitRun.requireServers("the Python fixture server \(URL(fileURLWithPath: script).lastPathComponent)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script] + arguments
        let log = directory.appendingPathComponent("server.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.runUnmasked()
        return process
    }

    /// The port the server wrote, or nil (and the server stopped) when it exited or took over 20 s.
    static func port(of process: Process, directory: URL) async throws -> Int? {
        let portFile = directory.appendingPathComponent("port")
        // Generous: Python's start-up and TLS set-up can take seconds while the whole suite runs.
        let deadline = ContinuousClock.now.advanced(by: .seconds(60))
        while ContinuousClock.now < deadline {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), let port = Int(text) { return port }
            if !process.isRunning { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        process.stop()
        return nil
    }

    /// What the server printed, for a failure message.
    static func log(in directory: URL) -> String {
        (try? String(contentsOf: directory.appendingPathComponent("server.log"), encoding: .utf8)) ?? ""
    }
}
