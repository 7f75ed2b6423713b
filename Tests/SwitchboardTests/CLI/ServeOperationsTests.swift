import Desk
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

/// A full `serve` run (IRC with SASL, Twilio, Meta, email and SMTP configured) with JSON logs: every log
/// line is one JSON object, `/metrics` carries the desk's counters and gauges, and not one secret appears
/// anywhere in the log.
@Suite("serve operations", .serialized, .needsServers)
struct ServeOperationsTests {
    /// What `/metrics` shows once serve is connected and has taken a few webhooks.
    static let metricNames = [
        "switchboard_messages_triaged_total", "switchboard_tickets_routed_total", "switchboard_outbox_depth",
        "switchboard_irc_connected 1", "switchboard_irc_queue_lines", "switchboard_irc_services_online 1",
    ]

    @Test("JSON logs, desk metrics on /metrics, and no secret in the log of a full run")
    func jsonLogsMetricsAndSecrets() async throws {
        let net = try await TestNetwork.shared()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-ops-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let port = try FreePort.pick()
        let secrets = [
            "IRC_PASSWORD": net.password("switchboard"), "TWILIO_AUTH_TOKEN": WebhookDurabilityTests.token,
            "META_APP_SECRET": "meta-app-secret-5d4c3b2a", "META_VERIFY_TOKEN": "meta-verify-9e8d7c6b",
            "META_ACCESS_TOKEN": "EAAG-access-token-1a2b3c4d5e", "EMAIL_INBOUND_TOKEN": "inbound-token-7f6e5d4c",
            "SMTP_PASSWORD": "smtp-password-0a9b8c7d",
        ]
        let configPath = folder.appendingPathComponent("switchboard.yaml").path
        try """
            irc:
              host: localhost
              port: \(net.info.tls_port ?? 0)
              ca_file: \(net.info.ca_file ?? "")
              nick: opsbot
              sasl: {mechanism: PLAIN, account: switchboard, password: "${IRC_PASSWORD}"}
              channels: ["#ops-support"]
            http: {bind: "127.0.0.1:\(port)", public_url: "\(WebhookDurabilityTests.publicURL)"}
            storage: {path: \(folder.path)/ops.sqlite}
            whatsapp:
              twilio: {account_sid: AC0123456789abcdef0123456789abcdef, auth_token: "${TWILIO_AUTH_TOKEN}", from: "whatsapp:+14155238886", api_base_url: "http://127.0.0.1:9"}
              meta: {app_secret: "${META_APP_SECRET}", verify_token: "${META_VERIFY_TOKEN}", access_token: "${META_ACCESS_TOKEN}", phone_number_id: "1234"}
            email:
              address: support@example.com
              inbound_token: "${EMAIL_INBOUND_TOKEN}"
              smtp: {host: localhost, port: 9, tls: none, username: support@example.com, password: "${SMTP_PASSWORD}"}
            routing:
              - {default: true, channel: "#ops-support", team: support}
            agents:
              - {account: aisha, teams: [support], role: agent}
            """.write(toFile: configPath, atomically: true, encoding: .utf8)
        let server = ServeProcess(configPath: configPath, environment: secrets, port: port, logFolder: folder, arguments: ["--log-format", "json"])
        try server.start()
        defer { _ = server.terminate() }
        try await server.waitUntilHealthy()

        let tally = WebhookDurabilityTests.Tally()
        for index in 0..<5 { await WebhookDurabilityTests.deliver(index, port: port, tally: tally) }
        let metrics = try await TestClient.withClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(10))) { client in
            // A bad signature and a bad bearer token: refusals are logged, the secrets they were checked against are not.
            let (body, _) = WebhookDurabilityTests.request(99)
            let headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", HTTPField.Name("X-Twilio-Signature")!: "forged"]
            _ = try await client.post(WebhookDurabilityTests.path, headers: headers, body: ByteBuffer(string: body))
            _ = try await client.post("/webhooks/email", headers: [.authorization: "Bearer wrong", .contentType: "message/rfc822"],
                                      body: ByteBuffer(string: "From: a@b.example\r\nSubject: x\r\n\r\nhello\r\n"))
            // One metrics sample after the bot registered on a busy machine, and a few outbox attempts.
            var text = ""
            try await eventually("serve connected to IRC, as /metrics says", timeout: .seconds(90), every: .seconds(1)) {
                let response = try await client.get("/metrics")
                text = response.body.map { String(buffer: $0) } ?? ""
                return text.contains("switchboard_irc_connected 1") && text.contains("switchboard_irc_services_online 1")
            }
            let names = Self.metricNames
            try? await eventually("every metric in /metrics", timeout: .seconds(30)) {
                let response = try await client.get("/metrics")
                text = response.body.map { String(buffer: $0) } ?? ""
                return names.allSatisfy { text.contains($0) }
            }
            return text
        }
        for name in Self.metricNames {
            #expect(metrics.contains(name), "/metrics lacks \(name)")
        }
        #expect(server.terminate() == 0)

        let log = server.log
        let lines = log.split(separator: "\n").filter { !$0.isEmpty }
        #expect(lines.count > 5)
        for line in lines {
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["time"] != nil && object?["level"] != nil && object?["message"] != nil, "not a JSON log line: \(line)")
        }
        for (name, secret) in secrets {
            #expect(!log.contains(secret), "\(name) appears in the log")
        }
        #expect(!log.contains(Data("\u{0}switchboard\u{0}".utf8).base64EncodedString().prefix(12)), "no SASL payload in the log")
    }
}
