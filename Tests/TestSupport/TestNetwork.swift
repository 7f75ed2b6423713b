public import Foundation
public import IRCClient
import Synchronization

/// A real InspIRCd + Atheme network started by `scripts/testnet/testnet.py` for one test or one suite.
///
/// Tests that disturb the network (killing the server) start their own; the rest share one per process.
public struct TestNetwork: Sendable {
    public struct Account: Sendable, Decodable {
        public var password: String
        public var client_cert: String?
        public var fingerprint: String?
    }

    public struct Oper: Sendable, Decodable {
        public var name: String
        public var password: String
    }

    public struct Info: Sendable, Decodable {
        public var oper: Oper?
        public var dir: String
        public var host: String
        public var tls_port: Int?
        public var plain_port: Int
        public var wrong_host_port: Int?
        /// A listener with a self-signed certificate for `pinned.example`, and the SHA-256 of its DER.
        public var self_signed_port: Int?
        public var self_signed_fingerprint: String?
        public var ca_file: String?
        public var accounts: [String: Account]
    }

    public let info: Info

    public static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("cannot find the repository root from \(#filePath)")
    }()

    public static let standardAccounts = [
        "switchboard:bot-secret-1", "founder:founder-secret-2", "aisha:aisha-secret-3:cert", "techlead:tech-secret-4",
        "mallory:mallory-secret-5",
    ]

    /// A network of its own. `stsDuration` (seconds, at least 60) makes InspIRCd advertise an IRCv3 STS
    /// policy: `port=` (the TLS port) over plaintext and `duration=` over TLS.
    public static func start(accounts: [String] = standardAccounts, stsDuration: Int? = nil) async throws -> TestNetwork {
        try UnitRun.requireServers("an InspIRCd + Atheme test network")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sb-testnet-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let sts = stsDuration.map { ["--sts-duration", String($0)] } ?? []
        StartedNetworks.register(dir)
        try await script(["start", dir] + accounts.flatMap { ["--account", $0] } + sts)
        let data = try Data(contentsOf: URL(fileURLWithPath: dir).appendingPathComponent("testnet.json"))
        return TestNetwork(info: try JSONDecoder().decode(Info.self, from: data))
    }

    public static func startNgircd() async throws -> TestNetwork {
        try UnitRun.requireServers("an ngIRCd test network")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sb-ngircd-\(UUID().uuidString.prefix(8))").path
        StartedNetworks.register(dir)
        try await script(["start-ngircd", dir])
        let data = try Data(contentsOf: URL(fileURLWithPath: dir).appendingPathComponent("testnet.json"))
        return TestNetwork(info: try JSONDecoder().decode(Info.self, from: data))
    }

    /// One network shared by the tests that leave it as they found it.
    public static func shared() async throws -> TestNetwork {
        try await SharedNetwork.instance.get()
    }

    public func stop() async throws {
        try await Self.script(["stop", info.dir])
        StartedNetworks.unregister(info.dir)
    }
    public func stopServer() async throws { try await Self.script(["stop-ircd", info.dir]) }
    public func startServer() async throws { try await Self.script(["start-ircd", info.dir]) }
    public func stopServices() async throws { try await Self.script(["stop-services", info.dir]) }
    public func startServices() async throws { try await Self.script(["start-services", info.dir]) }

    public func password(_ account: String) -> String { info.accounts[account]?.password ?? "" }

    /// A client configuration for this network over verified TLS.
    public func configuration(
        nick: String, account: String? = nil, password: String? = nil, channels: [String] = [],
        floodBurst: Int = 4, floodInterval: Duration = .seconds(2)
    ) -> IRCClientConfiguration {
        var sasl: IRCClientConfiguration.SASLSettings?
        if let account {
            sasl = .init(mechanism: .plain, account: account, password: password ?? self.password(account))
        }
        return IRCClientConfiguration(
            host: info.host, port: info.tls_port ?? info.plain_port, useTLS: info.tls_port != nil, caFile: info.ca_file,
            nick: nick, sasl: sasl, channels: channels.map { .init(name: $0) }, floodBurst: floodBurst,
            floodInterval: floodInterval, reconnect: ReconnectPolicy(initialDelay: .milliseconds(500), maximumDelay: .seconds(2)),
            rejoinDelay: .seconds(1))
    }

    /// Runs a command to completion and returns its exit status and combined output.
    public static func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> (status: Int32, output: String) {
        try UnitRun.requireServers("running \(arguments.first ?? "a command")")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = repositoryRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.runUnmasked()
        let data = await PipeReader.readToEnd(output)
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @discardableResult
    public static func script(_ arguments: [String]) async throws -> String {
        let path = repositoryRoot.appendingPathComponent("scripts/testnet/testnet.py").path
        let (status, output) = try await run(["python3", path] + arguments)
        guard status == 0 else {
            throw TestNetworkError(message: "testnet.py \(arguments.first ?? "") failed: \(output)")
        }
        return output
    }
}

public struct TestNetworkError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
    public init(message: String) { self.message = message }
}

/// Starts the shared network once; `StartedNetworks` stops it when the test process ends.
private actor SharedNetwork {
    static let instance = SharedNetwork()
    private var task: Task<TestNetwork, any Error>?

    func get() async throws -> TestNetwork {
        if let task { return try await task.value }
        let task = Task { try await TestNetwork.start() }
        self.task = task
        return try await task.value
    }
}

/// Every network started and not yet stopped. When the test process exits, `atexit` stops whatever is
/// left, waiting for each: the shared network, and one whose test stopped it from a `Task` that the end
/// of the run overtook, or never stopped it because it failed first.
private enum StartedNetworks {
    private static let directories = Mutex<Set<String>?>(nil)

    static func register(_ dir: String) {
        directories.withLock { set in
            if set == nil {
                set = []
                atexit { StartedNetworks.stopAll() }
            }
            set?.insert(dir)
        }
    }

    static func unregister(_ dir: String) {
        _ = directories.withLock { $0?.remove(dir) }
    }

    private static func stopAll() {
        let left = directories.withLock { set in
            defer { set = [] }
            return set ?? []
        }
        for dir in left.sorted() {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", TestNetwork.repositoryRoot.appendingPathComponent("scripts/testnet/testnet.py").path, "stop", dir]
            try? process.runUnmasked()
            process.waitUntilExit()
        }
    }
}
