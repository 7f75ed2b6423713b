import Foundation
import Hummingbird
import HummingbirdTesting
import TestSupport

/// The real `switchboard serve` binary, started, killed and restarted by a test.
final class ServeProcess: @unchecked Sendable {
    let configPath: String
    let environment: [String: String]
    let port: Int
    let logFolder: URL
    private var process: Process?
    private(set) var starts = 0

    let arguments: [String]
    /// The umask `serve` starts with (through `sh`), when the test cares; otherwise the test runner's.
    let umask: String?

    init(configPath: String, environment: [String: String], port: Int, logFolder: URL, arguments: [String] = [], umask: String? = nil) {
        self.arguments = arguments
        self.umask = umask
        self.configPath = configPath
        self.environment = environment
        self.port = port
        self.logFolder = logFolder
    }

    /// Every log line written by every run so far.
    var log: String {
        (1...max(starts, 1)).compactMap { try? String(contentsOf: logURL($0), encoding: .utf8) }.joined(separator: "\n")
    }

    /// Stops a server a test left running, so that none outlives its test whatever the test did.
    deinit {
        process?.stop()
    }

    func start() throws {
        try UnitRun.requireServers("switchboard serve")
        starts += 1
        FileManager.default.createFile(atPath: logURL(starts).path, contents: nil)
        let process = Process()
        SwitchboardBinary.prepare(process, ["serve", "--config", configPath] + arguments, umask: umask)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = try FileHandle(forWritingTo: logURL(starts))
        process.standardError = try FileHandle(forWritingTo: logURL(starts))
        try process.runUnmasked()
        self.process = process
    }

    /// Waits until `/healthz` answers 200, or fails after `timeout`.
    /// Generous, because the whole suite runs in parallel on two cores: a debug `serve` loading its model
    /// next to CPU-bound tests can take a while.
    func waitUntilHealthy(timeout: Duration = .seconds(120)) async throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        var last = "no answer"
        while ContinuousClock.now < deadline {
            if process?.isRunning == false { throw ServeFailure(description: "serve exited early:\n\(log)") }
            do {
                let response = try await TestClient.withClient(
                    host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(10)), operation: { try await $0.get("/healthz") })
                if response.status == .ok { return }
                last = "\(response.status) \(response.body.map { String(buffer: $0) } ?? "")"
            } catch {
                last = "\(error)"
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ServeFailure(description: "serve did not become healthy (last /healthz: \(last)):\n\(log)")
    }

    /// SIGKILL: no graceful shutdown, no chance to flush anything that was not already committed.
    func kill9() {
        guard let process, process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// SIGTERM without waiting: graceful shutdown starts, the process is still draining.
    func beginTermination() {
        guard let process, process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
    }

    var isRunning: Bool { process?.isRunning ?? false }

    /// SIGTERM and wait (SIGKILL after `grace`, which a test then sees as the status); returns the exit
    /// status.
    func terminate(grace: Duration = .seconds(60)) -> Int32 {
        guard let process else { return -1 }
        process.stop(grace: grace)
        return process.terminationStatus
    }

    private func logURL(_ run: Int) -> URL { logFolder.appendingPathComponent("serve-\(run).log") }
}

struct ServeFailure: Error, CustomStringConvertible {
    var description: String
}
