import Testing

@testable import SMTPClient

@Suite struct SMTPConfigurationTests {
    @Test func defaultsFollowTheSecurityMode() {
        #expect(SMTPConfiguration(host: "smtp.example.com").port == 587)
        #expect(SMTPConfiguration(host: "smtp.example.com", security: .implicitTLS).port == 465)
        #expect(SMTPSecurity(rawValue: "starttls") == .startTLS)
        #expect(SMTPSecurity(rawValue: "tls") == .implicitTLS)
        #expect(SMTPSecurity(rawValue: "none") == SMTPSecurity.none)
    }

    @Test(arguments: ["localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "::1"])
    func plainTextIsAllowedToLoopback(host: String) throws {
        try SMTPConfiguration(host: host, port: 2525, security: .none).validate()
    }

    @Test(arguments: ["smtp.example.com", "127.0.0.1.example.com", "10.0.0.1", "localhost.evil.com", "128.0.0.1"])
    func plainTextIsRefusedElsewhere(host: String) {
        #expect(throws: SMTPConfigurationError.self) { try SMTPConfiguration(host: host, security: .none).validate() }
    }

    @Test func otherChecks() {
        #expect(throws: SMTPConfigurationError.self) { try SMTPConfiguration(host: "").validate() }
        #expect(throws: SMTPConfigurationError.self) { try SMTPConfiguration(host: "h", port: 0).validate() }
        #expect(throws: SMTPConfigurationError.self) { try SMTPConfiguration(host: "h", username: "u").validate() }
        #expect(throws: SMTPConfigurationError.self) { try SMTPConfiguration(host: "h", username: "u", password: "p\r\nx").validate() }
        #expect(throws: SMTPConfigurationError.self) { try SMTPConfiguration(host: "h", heloName: "bad name").validate() }
        #expect(throws: Never.self) { try SMTPConfiguration(host: "h", username: "u", password: "p", heloName: "[192.0.2.1]").validate() }
    }

    @Test func anUnreadableCAFileFailsAtStartup() {
        #expect(throws: SMTPConfigurationError.self) {
            _ = try SMTPClient(configuration: SMTPConfiguration(host: "smtp.example.com", caFile: "/nonexistent/ca.pem"))
        }
    }
}
