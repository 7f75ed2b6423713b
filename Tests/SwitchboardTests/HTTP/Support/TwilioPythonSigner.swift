import Foundation
import TestSupport

/// Signs Twilio webhook requests with Twilio's own Python library (`Fixtures/sign_twilio.py`), so the
/// server's signature check is tested against the reference implementation rather than against itself.
enum TwilioPythonSigner {
    struct Request: Encodable {
        var url: String
        var token: String
        var params: [[String]]

        init(url: String, token: String, params: [(String, String)]) {
            self.url = url
            self.token = token
            self.params = params.map { [$0.0, $0.1] }
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/sign_twilio.py")

    /// One signature per request, in order. Fails (never skips) when python3 or `twilio` is missing:
    /// `make test-deps` installs both.
    static func sign(_ requests: [Request]) throws -> [String] {
        try UnitRun.requireServers("Twilio's Python library")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(try JSONEncoder().encode(requests))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problems = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "sign_twilio.py failed (pip install twilio): \(String(decoding: problems, as: UTF8.self))")
        }
        let signatures = try JSONDecoder().decode([String].self, from: data)
        guard signatures.count == requests.count else { throw Failure(description: "expected \(requests.count) signatures") }
        return signatures
    }

    static func sign(url: String, token: String, params: [(String, String)]) throws -> String {
        try sign([Request(url: url, token: token, params: params)])[0]
    }
}
