import Foundation
import Testing

@Suite("check-config")
struct CheckConfigTests {
    static func write(_ yaml: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sb-config-\(UUID().uuidString).yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let exampleEnvironment = [
        "IRC_PASSWORD": "x", "TWILIO_AUTH_TOKEN": "x", "META_APP_SECRET": "x", "META_VERIFY_TOKEN": "x",
        "META_ACCESS_TOKEN": "x", "EMAIL_INBOUND_TOKEN": "x", "SMTP_PASSWORD": "x",
    ]

    @Test("the shipped example is valid when its variables are set")
    func exampleIsValid() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let result = try await SwitchboardBinary.run(["check-config", "--config", root.appendingPathComponent("config/switchboard.yaml").path],
                                                     environment: Self.exampleEnvironment)
        #expect(result.status == 0, "stderr: \(result.stderr)")
    }

    @Test("every problem is listed with its key path, and the exit code is 1")
    func problemsWithKeyPaths() async throws {
        let path = try Self.write("""
            irc:
              host: localhost
              nick: "bad nick"
              sasl: {mechanism: PLAIN, account: switchboard, password: "${SB_TEST_UNSET_VARIABLE}"}
              channels: ["#ok", "#eng x"]
              tls_fingerprints: ["AB:CD", "2bbad8e7a5eb55f3149358ebc799154e608be05bb8fe8fff699463bba098090d"]
              colour: red
            http: {bind: 127.0.0.1:8080, public_url: https://x.example}
            routing:
              - {match: {category: billing}, channel: "#finance"}
              - {match: {category: bogus}, channel: "#eng"}
              - {default: true, channel: "#eng x"}
            agents:
              - {account: founder, role: emperor}
            """)
        let result = try await SwitchboardBinary.run(["check-config", "--config", path])
        #expect(result.status == 1)
        for expected in [
            "irc.colour: unknown key", "irc.nick: \"bad nick\" is not a valid nick",
            "irc.sasl.password: environment variable SB_TEST_UNSET_VARIABLE is not set",
            "irc.channels[1]: \"#eng x\" is not a valid channel name", "routing[1].match.category: \"bogus\"",
            "irc.tls_fingerprints[0]: \"AB:CD\" is not a SHA-256 fingerprint",
            "routing[2].channel: \"#eng x\" is not a valid channel name", "agents[0].role: \"emperor\"",
        ] {
            #expect(result.stderr.contains(expected), "missing: \(expected)\nstderr: \(result.stderr)")
        }
    }

    @Test("templates, business hours, SLAs, follow-ups, the churn watch and the LLM drafter are checked too")
    func deskSections() async throws {
        let path = try Self.write("""
            http: {bind: 127.0.0.1:8080, public_url: https://x.example}
            whatsapp:
              twilio: {account_sid: AC1, auth_token: "${SB_TOKEN}", from: "whatsapp:+14155238886"}
              templates:
                - {name: follow_up, text: "Hi {{1}} about {{2}}", variables: [customer.first_name, ticket.number]}
            business_hours: {timezone: Mars/Olympus, days: [sun, funday], open: "18:00", close: "09:00"}
            sla: {first_response: soon, first_response_by_category: {vip: 1h}}
            follow_ups: {awaiting_customer: 1w}
            churn: {weekly_on: someday}
            drafting: {llm: {base_url: ftp://model.example, model: m}}
            """)
        let result = try await SwitchboardBinary.run(["check-config", "--config", path], environment: ["SB_TOKEN": "x"])
        #expect(result.status == 1)
        for expected in [
            "whatsapp.templates[0].variables[1]: \"ticket.number\" is not one of",
            "whatsapp.templates[0].text: uses {{2}} but only 1 variables are listed",
            "whatsapp.templates[0].twilio_content_sid: is required when Twilio sends WhatsApp",
            "business_hours.timezone: \"Mars/Olympus\" is not an IANA time zone", "business_hours.days: \"funday\" is not a weekday",
            "business_hours.close: must be after business_hours.open", "sla.first_response: \"soon\" is not a duration",
            "sla.first_response_by_category.vip: unknown key", "follow_ups.awaiting_customer: \"1w\" is not a duration",
            "churn.channel: is required when no routing rule matches churn_risk", "churn.weekly_on: \"someday\" is not a weekday",
            "drafting.llm.base_url: \"ftp://model.example\" is not an http(s) URL",
        ] {
            #expect(result.stderr.contains(expected), "missing: \(expected)\nstderr: \(result.stderr)")
        }
    }

    @Test("a literal secret is a warning, not an error")
    func literalSecretWarns() async throws {
        let path = try Self.write("""
            irc: {host: localhost, nick: sb, sasl: {account: sb, password: hunter2}}
            """)
        let result = try await SwitchboardBinary.run(["check-config", "--config", path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning: irc.sasl.password"))
        #expect(!result.stderr.contains("hunter2"), "a secret is never echoed back")
    }

    @Test("unreadable and malformed files are reported")
    func badFiles() async throws {
        var result = try await SwitchboardBinary.run(["check-config", "--config", "/nonexistent/switchboard.yaml"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot read"))
        result = try await SwitchboardBinary.run(["check-config", "--config", try Self.write("irc: [unclosed")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("not valid YAML"))
    }
}
