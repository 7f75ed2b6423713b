public import Foundation

/// A scripted IRC server (Fixtures/irc_script_server.py) on a free loopback port, for misbehaviours a
/// real InspIRCd cannot be configured into: a server that never closes the link after QUIT, or one that
/// offers SASL without the configured mechanism. Everything else is tested against the real network.
public final class ScriptedIRCServer: @unchecked Sendable {
    public let port: Int
    public let directory: URL
    /// The CA that signed the TLS certificate (for `localhost`), when the server speaks TLS.
    public let caFile: String?
    private let process: Process

    private init(port: Int, directory: URL, caFile: String?, process: Process) {
        self.port = port
        self.directory = directory
        self.caFile = caFile
        self.process = process
    }

    static let script: String = {
        guard let url = Bundle.module.url(forResource: "irc_script_server", withExtension: "py", subdirectory: "Fixtures") else {
            fatalError("Fixtures/irc_script_server.py is not in the test bundle")
        }
        return url.path
    }()

    /// Starts the server. `caps` is the CAP LS line (`"sasl=EXTERNAL message-tags"`); `ignoreQuit` makes
    /// it keep every connection open whatever the client says or does.
    public static func start(tls: Bool = true, caps: String = "", ignoreQuit: Bool = false) async throws -> ScriptedIRCServer {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sb-ircscript-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var arguments = [directory.path, "--caps", caps]
        var caFile: String?
        if tls {
            let certificates = try SMTPTestServer.certificates.get()
            let (cert, key) = certificates.cert("server")
            arguments += ["--cert", cert, "--key", key]
            caFile = certificates.ca
        }
        if ignoreQuit { arguments.append("--ignore-quit") }
        let process = try FixtureProcess.launch(script: script, arguments, directory: directory)
        guard let port = try await FixtureProcess.port(of: process, directory: directory) else {
            throw TestNetworkError(message: "the scripted IRC server did not start: \(FixtureProcess.log(in: directory))")
        }
        return ScriptedIRCServer(port: port, directory: directory, caFile: caFile, process: process)
    }

    /// Every line the server received so far, from all connections, in order.
    public var received: [String] {
        let text = (try? String(contentsOf: directory.appendingPathComponent("received.log"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }

    /// SIGKILL: the server holds connections on purpose, so it is not asked nicely.
    public func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
