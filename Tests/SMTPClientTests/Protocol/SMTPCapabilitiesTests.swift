import Testing

@testable import SMTPClient

@Suite struct SMTPCapabilitiesTests {
    @Test func readsTheExtensionsWeUse() {
        let reply = SMTPReply(code: 250, lines: [
            "smtp.example.com Hello [192.0.2.1]", "SIZE 35882577", "8BITMIME", "STARTTLS", "ENHANCEDSTATUSCODES",
            "auth login PLAIN XOAUTH2", "SMTPUTF8",
        ])
        let capabilities = SMTPCapabilities(ehloReply: reply)
        #expect(capabilities.startTLS)
        #expect(capabilities.eightBitMIME)
        #expect(capabilities.smtpUTF8)
        #expect(capabilities.sizeLimit == 35_882_577)
        #expect(capabilities.authMechanisms == ["LOGIN", "PLAIN", "XOAUTH2"])
    }

    @Test func theGreetingLineIsNotAKeyword() {
        let capabilities = SMTPCapabilities(ehloReply: SMTPReply(code: 250, lines: ["STARTTLS"]))
        #expect(!capabilities.startTLS)
    }

    @Test func oldStyleAuthAndUnlimitedSize() {
        let capabilities = SMTPCapabilities(ehloReply: SMTPReply(code: 250, lines: ["mx", "AUTH=LOGIN", "SIZE", "SIZE 0"]))
        #expect(capabilities.authMechanisms == ["LOGIN"])
        #expect(capabilities.supportsSize)
        #expect(capabilities.sizeLimit == nil)
        #expect(!capabilities.eightBitMIME)
    }
}
