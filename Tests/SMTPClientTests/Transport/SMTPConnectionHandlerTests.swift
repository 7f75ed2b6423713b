import Logging
import NIOCore
import NIOEmbedded
import NIOSSL
import Testing

@testable import SMTPClient

/// The handler on an `EmbeddedChannel`: byte-exact reads, a manual clock, and failed writes, none of which
/// a real server can be made to produce on demand.
@Suite struct SMTPConnectionHandlerTests {
    struct Harness {
        let channel = EmbeddedChannel()
        let result: EventLoopPromise<SMTPSendResult>

        init(security: SMTPSecurity = .startTLS, credentials: SMTPConversation.Credentials? = nil) throws {
            result = channel.eventLoop.makePromise(of: SMTPSendResult.self)
            let conversation = SMTPConversation(
                email: OutgoingEmailRenderingTests.sample(), security: security, heloName: "example.com", credentials: credentials)
            let settings = SMTPConnectionHandler.Settings(
                host: "localhost", startTLSContext: try NIOSSLContext(configuration: .makeClientConfiguration()),
                replyTimeout: .seconds(5), finalReplyTimeout: .seconds(600))
            try channel.pipeline.syncOperations.addHandler(
                SMTPConnectionHandler(conversation: conversation, settings: settings, result: result, logger: Logger(label: "test")))
            try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 587)).wait()
        }

        func receive(_ text: String) throws {
            try channel.writeInbound(ByteBuffer(string: text))
        }

        /// Everything written since the last call, as text.
        func sent() throws -> String {
            var text = ""
            while let buffer = try channel.readOutbound(as: ByteBuffer.self) { text += String(buffer: buffer) }
            return text
        }

        var outcome: SMTPSendResult? {
            var value: SMTPSendResult?
            result.futureResult.assumeIsolated().whenSuccess { value = $0 }
            return value
        }

        var hasTLSHandler: Bool {
            (try? channel.pipeline.syncOperations.handler(type: NIOSSLClientHandler.self)) != nil
        }

        /// A plain-text conversation up to the reply to DATA.
        func throughData() throws {
            try receive("220 mx ESMTP\r\n")
            try receive("250 mx\r\n")
            try receive("250 ok\r\n")
            try receive("250 ok\r\n")
            try receive("354 go\r\n")
        }
    }

    @Test func linesSplitAcrossReadsAndRepliesInOneRead() throws {
        let harness = try Harness(security: .none)
        try harness.receive("22")
        #expect(try harness.sent() == "")
        try harness.receive("0 mx ESMTP\r\n250-mx\r\n250 8BITMIME\r\n")
        #expect(try harness.sent() == "EHLO example.com\r\nMAIL FROM:<support@example.com>\r\n")
    }

    @Test func startTLSAddsTLSAtTheExactByte() throws {
        let harness = try Harness()
        try harness.receive("220 mx ESMTP\r\n")
        try harness.receive("250-mx\r\n250 STARTTLS\r\n")
        #expect(try harness.sent() == "EHLO example.com\r\nSTARTTLS\r\n")
        #expect(!harness.hasTLSHandler)
        try harness.receive("220 2.0.0 Ready\r\n")
        #expect(harness.hasTLSHandler)
        #expect(harness.outcome == nil)
        // The handshake has begun: what goes out now is a TLS record (handshake type 22), not SMTP.
        #expect(try harness.channel.readOutbound(as: ByteBuffer.self)?.getInteger(at: 0, as: UInt8.self) == 22)
    }

    @Test func plainTextBytesAfterTheSTARTTLSReplyAreRefused() throws {
        for trailing in ["250 injected\r\n", "250 inj"] {
            let harness = try Harness(credentials: .init(username: "u", password: "p"))
            try harness.receive("220 mx ESMTP\r\n250-mx\r\n250 STARTTLS\r\n")
            try harness.receive("220 2.0.0 Ready\r\n" + trailing)
            guard case .retryable(let reason) = harness.outcome else { Issue.record("\(String(describing: harness.outcome))"); continue }
            #expect(reason.contains("injected"))
            #expect(!harness.hasTLSHandler)
            #expect(!(try harness.sent()).contains("AUTH"))
            #expect(!harness.channel.isActive)
        }
    }

    @Test func aSilentServerTimesOutAsRetryableBeforeTheMessage() throws {
        let harness = try Harness(security: .none)
        try harness.receive("220 mx\r\n")
        harness.channel.embeddedEventLoop.advanceTime(by: .seconds(4))
        #expect(harness.outcome == nil)
        harness.channel.embeddedEventLoop.advanceTime(by: .seconds(2))
        guard case .retryable(let reason) = harness.outcome else { Issue.record(); return }
        #expect(reason.contains("EHLO"))
    }

    @Test func afterTheFinalDotTheLongTimeoutAppliesAndEndsUnknown() throws {
        let harness = try Harness(security: .none)
        try harness.throughData()
        let written = try harness.sent()
        #expect(written.hasSuffix("\r\n.\r\n"))
        #expect(written.contains("\r\n\r\nHello,\r\nyour refund is on its way.\r\n.\r\n"))
        harness.channel.embeddedEventLoop.advanceTime(by: .seconds(300))
        #expect(harness.outcome == nil)
        harness.channel.embeddedEventLoop.advanceTime(by: .seconds(301))
        guard case .unknown = harness.outcome else { Issue.record("\(String(describing: harness.outcome))"); return }
    }

    @Test func theServerClosingAfterTheDotIsUnknownAndBeforeItRetryable() throws {
        let after = try Harness(security: .none)
        try after.throughData()
        after.channel.pipeline.fireChannelInactive()
        guard case .unknown = after.outcome else { Issue.record(); return }

        let before = try Harness(security: .none)
        try before.receive("220 mx\r\n250 mx\r\n250 ok\r\n")
        before.channel.pipeline.fireChannelInactive()
        guard case .retryable = before.outcome else { Issue.record(); return }
    }

    @Test func anOverlongLineEndsTheAttempt() throws {
        let harness = try Harness(security: .none)
        try harness.receive("220 " + String(repeating: "x", count: SMTPConnectionHandler.maximumLineBytes + 10))
        guard case .retryable(let reason) = harness.outcome else { Issue.record(); return }
        #expect(reason.contains("longer than"))
    }
}
