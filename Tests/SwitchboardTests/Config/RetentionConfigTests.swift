import Foundation
import Testing

@testable import Switchboard

/// `retention.messages`: parsed as a duration, refused below the reopen window with the reason.
@Suite("retention config")
struct RetentionConfigTests {
    static let http = "http: {bind: 127.0.0.1:8080, public_url: https://x.example}\n"

    @Test("check-config names the key and says why a value is refused")
    func problems() async throws {
        for (yaml, expected) in [
            ("retention: {messages: 3d}", "retention.messages: 3d is shorter than the 7d reopen window: a customer who writes within 7d of a close reopens the ticket"),
            ("retention: {messages: 0s}", "retention.messages: 0s is shorter than the 7d reopen window"),
            ("retention: {messages: 1y}", "retention.messages: \"1y\" is not a duration like 90s, 15m, 24h or 7d"),
            ("retention: {message: 365d}", "retention.message: unknown key (known keys: messages)"),
            ("retention: 365d", "retention: expected a mapping"),
        ] {
            let result = try await SwitchboardBinary.run(["check-config", "--config", try CheckConfigTests.write(Self.http + yaml)])
            #expect(result.status == 1, "\(yaml)")
            #expect(result.stderr.contains(expected), "missing: \(expected)\nstderr: \(result.stderr)")
        }
    }

    @Test("a duration at or above the reopen window is kept; no section keeps messages forever")
    func values() throws {
        for (yaml, expected) in [
            ("retention: {messages: 365d}", Duration.seconds(365 * 86_400)),
            ("retention: {messages: 168h}", .seconds(7 * 86_400)),
            ("", nil),
            ("retention: {messages: null}", nil),
        ] as [(String, Duration?)] {
            let (config, problems) = SwitchboardConfig.load(path: try CheckConfigTests.write(Self.http + yaml))
            #expect(problems.isEmpty, "\(yaml): \(problems)")
            #expect(config?.messageRetention == expected, "\(yaml)")
        }
    }
}
