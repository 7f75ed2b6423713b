public import Foundation

/// A real aiosmtpd server (Fixtures/smtp_server.py) on a free loopback port, for one test.
public final class SMTPTestServer: @unchecked Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// What the server saw of one accepted message, as Python's email package parsed it.
    public struct ReceivedMessage: Decodable, Sendable {
        public struct Address: Decodable, Equatable, Sendable {
            public var name: String
            public var address: String
            public init(name: String, address: String) {
                self.name = name
                self.address = address
            }
        }

        public var mail_from: String
        public var rcpt_tos: [String]
        public var mail_options: [String]
        public var subject: String?
        public var from: [Address]
        public var to: [Address]
        public var message_id: String?
        public var in_reply_to: String?
        public var references: String?
        public var auto_submitted: String?
        public var date: String?
        public var date_valid: Bool
        public var content_type: String
        public var charset: String?
        public var transfer_encoding: String?
        public var body: String?
        public var defects: [String]
        public var longest_line: Int
        public var bare_lf: Bool
        /// The octets after DATA as the server stored them (dot-unstuffed).
        public var raw: [UInt8] = []

        private enum CodingKeys: String, CodingKey {
            case mail_from, rcpt_tos, mail_options, subject, from, to, message_id, in_reply_to, references, auto_submitted
            case date, date_valid, content_type, charset, transfer_encoding, body, defects, longest_line, bare_lf
        }
    }

    public struct AuthRecord: Decodable, Sendable {
        public var mechanism: String
        public var tls: Bool
    }

    /// Throwaway certificates made once per test run with openssl.
    public struct Certificates: Sendable {
        public var directory: String
        public var ca: String { directory + "/ca.pem" }
        public func cert(_ name: String) -> (cert: String, key: String) { (directory + "/\(name).pem", directory + "/\(name).key") }
    }

    static let script: String = {
        guard let url = Bundle.module.url(forResource: "smtp_server", withExtension: "py", subdirectory: "Fixtures") else {
            fatalError("Fixtures/smtp_server.py is not in the test bundle")
        }
        return url.path
    }()

    public static let certificates: Result<Certificates, Failure> = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sb-smtp-certs-\(UUID().uuidString.prefix(8))").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "certs", directory]
        let errors = Pipe()
        process.standardError = errors
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            return .failure(Failure(description: "cannot run python3: \(error)"))
        }
        guard process.terminationStatus == 0 else {
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            return .failure(Failure(description: "making test certificates failed: \(text)"))
        }
        return .success(Certificates(directory: directory))
    }()

    public let port: Int
    public let directory: URL
    private let process: Process

    private init(port: Int, directory: URL, process: Process) {
        self.port = port
        self.directory = directory
        self.process = process
    }

    /// Starts `smtp_server.py serve` with `arguments` (for example `--tls implicit`); the certificate
    /// options default to the trusted server certificate.
    public static func start(_ arguments: [String], certificate: String = "server") async throws -> SMTPTestServer {
        let certificates = try Self.certificates.get()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sb-smtp-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let (cert, key) = certificates.cert(certificate)
        let process = try FixtureProcess.launch(script: script, ["serve", directory.path, "--cert", cert, "--key", key] + arguments,
                                                directory: directory)
        guard let port = try await FixtureProcess.port(of: process, directory: directory) else {
            throw Failure(description: "the test SMTP server did not start (is aiosmtpd installed? pip install aiosmtpd):\n\(FixtureProcess.log(in: directory))")
        }
        return SMTPTestServer(port: port, directory: directory, process: process)
    }

    /// Runs `body` against a fresh server and stops the server afterwards, whatever happens.
    public static func with(_ arguments: [String], certificate: String = "server", _ body: (SMTPTestServer) async throws -> Void) async throws {
        let server = try await start(arguments, certificate: certificate)
        do {
            try await body(server)
            server.stop()
            try? FileManager.default.removeItem(at: server.directory)
        } catch {
            // The directory (server.log, saved messages) stays for a look at what went wrong.
            server.stop()
            throw error
        }
    }

    /// SIGTERM, then SIGKILL if the server is still there after a few seconds.
    public func stop() {
        process.stop(grace: .seconds(3))
    }

    public func messages() throws -> [ReceivedMessage] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasPrefix("msg-") && $0.hasSuffix(".json") }
            .sorted { Int($0.dropFirst(4).dropLast(5)) ?? 0 < Int($1.dropFirst(4).dropLast(5)) ?? 0 }
        return try names.map { name in
            var message = try JSONDecoder().decode(ReceivedMessage.self, from: Data(contentsOf: directory.appendingPathComponent(name)))
            let raw = directory.appendingPathComponent(String(name.dropLast(5)) + ".eml")
            message.raw = Array(try Data(contentsOf: raw))
            return message
        }
    }

    public func authRecords() throws -> [AuthRecord] {
        let file = directory.appendingPathComponent("auth.jsonl")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { try JSONDecoder().decode(AuthRecord.self, from: Data($0.utf8)) }
    }
}
