import Desk
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing
import TestSupport
import WhatsApp

/// The real `switchboard serve` binary, killed with SIGKILL twice while a Twilio-like client posts 1,000
/// signed webhooks and retries every failure. Afterwards every message answered 200 is in `export`
/// exactly once, and no message appears twice.
@Suite("Webhook durability across crashes", .serialized, .needsServers)
struct WebhookDurabilityTests {
    static let token = "tw-durability-6b1f0e2d9c8a7b6f5e4d3c2b"
    static let publicURL = "https://support.example.test"
    static let path = "/webhooks/twilio?src=durability"
    static let messageCount = 1_000
    static let workers = 8

    /// What the client side saw, shared by the workers and the killer.
    final class Tally: Sendable {
        private struct State {
            var next = 0
            var answered: [String] = []
            var failures = 0
        }
        private let state = Mutex(State())

        func take() -> Int? {
            state.withLock { state in
                guard state.next < WebhookDurabilityTests.messageCount else { return nil }
                defer { state.next += 1 }
                return state.next
            }
        }
        func answered(_ sid: String) { state.withLock { $0.answered.append(sid) } }
        func failed() { state.withLock { $0.failures += 1 } }
        var answeredCount: Int { state.withLock { $0.answered.count } }
        var answeredSIDs: [String] { state.withLock { $0.answered } }
        var failures: Int { state.withLock { $0.failures } }
    }

    static func sid(_ index: Int) -> String { String(format: "SMdur%028d", index) }

    static func request(_ index: Int) -> (body: String, signature: String) {
        let params = [
            ("SmsMessageSid", sid(index)), ("NumMedia", "0"), ("ProfileName", "Customer \(index % 37)"), ("MessageType", "text"),
            ("WaId", "9715010\(String(format: "%05d", index % 37))"), ("Body", "طلب رقم \(index): where is my refund? 🙏"),
            ("To", "whatsapp:+14155238886"), ("MessageSid", sid(index)), ("AccountSid", "AC0123456789abcdef0123456789abcdef"),
            ("From", "whatsapp:+9715010\(String(format: "%05d", index % 37))"), ("ApiVersion", "2010-04-01"),
        ]
        let signature = TwilioSignature.expected(url: publicURL + path, parameters: params, authToken: token)
        return (FormBody.encode(params), signature)
    }

    /// Posts until the server answers 200, as a retrying provider would (Twilio gives up sooner; a client
    /// that never gives up makes the stronger test: nothing answered may be lost or doubled).
    static func deliver(_ index: Int, port: Int, tally: Tally) async {
        let (body, signature) = request(index)
        let headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", HTTPField.Name("X-Twilio-Signature")!: signature]
        while true {
            let status = try? await TestClient.withClient(
                host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(5))
            ) { client in
                try await client.post(path, headers: headers, body: ByteBuffer(string: body)).status
            }
            if status == .ok {
                tally.answered(sid(index))
                return
            }
            tally.failed()
            // Pacing the load generator: a refused delivery is retried after a short pause.
            try? await Task.sleep(for: .milliseconds(25))
        }
    }

    @Test("1,000 signed webhooks, two SIGKILLs: every message answered 200 is exported exactly once")
    func survivesTwoCrashes() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-durability-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let server = try await ServeProcess.startTwilioOnly(databasePath: "\(folder.path)/var/switchboard.sqlite", folder: folder)
        defer { _ = server.terminate() }
        let port = server.port
        let configPath = server.configPath
        let environment = server.environment

        let clock = ContinuousClock()
        let started = clock.now
        let tally = Tally()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<Self.workers {
                group.addTask {
                    while let index = tally.take() { await Self.deliver(index, port: port, tally: tally) }
                }
            }
            // The killer: SIGKILL at roughly a third and two thirds of the run, restarting at once.
            group.addTask {
                for threshold in [Self.messageCount / 3, 2 * Self.messageCount / 3] {
                    while tally.answeredCount < threshold { try await Task.sleep(for: .milliseconds(5)) }
                    server.kill9()
                    try server.start()
                }
            }
            try await group.waitForAll()
        }
        let elapsed = started.duration(to: clock.now)
        try await server.waitUntilHealthy()

        // Export while serve is still running: the read-only export must work next to the writer.
        let export = try await SwitchboardBinary.run(["export", "--config", configPath], environment: environment)
        #expect(export.status == 0, "\(export.stderr)")
        let rows = try export.stdout.split(separator: "\n").map { try JSONDecoder().decode(ExportRow.self, from: Data($0.utf8)) }
        let exported = rows.compactMap(\.providerID)
        let answered = tally.answeredSIDs

        #expect(server.starts == 3, "two crashes, two restarts")
        #expect(answered.count == Self.messageCount)
        #expect(Set(answered).count == answered.count)
        #expect(exported.count == Set(exported).count, "no message appears twice")
        let missing = Set(answered).subtracting(exported)
        #expect(missing.isEmpty, "\(missing.count) messages answered 200 are not exported, e.g. \(missing.sorted().prefix(3))")
        #expect(exported.count == Self.messageCount)
        #expect(rows.allSatisfy { $0.direction == .inbound && $0.channel == .whatsapp && $0.status == .received })

        #expect(server.terminate() == 0, "SIGTERM shuts down gracefully")
        let log = server.log
        #expect(!log.contains(Self.token), "the auth token never reaches the log")
        #expect(!log.contains(Self.request(0).signature) && !log.contains("where is my refund"), "no signatures or bodies in the log")
        print("durability: \(Self.messageCount) messages, \(tally.failures) failed attempts retried, 2 SIGKILLs, \(elapsed)")
    }
}
