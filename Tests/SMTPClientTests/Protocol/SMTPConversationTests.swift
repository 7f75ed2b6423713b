import Foundation
import Testing

@testable import SMTPClient

/// Drives the conversation with the lines a server would send and checks each decision, no socket.
@Suite struct SMTPConversationTests {
    typealias Action = SMTPConversation.Action

    static let credentials = SMTPConversation.Credentials(username: "support@example.com", password: "s3cret")

    static func conversation(
        _ security: SMTPSecurity = .startTLS, credentials: SMTPConversation.Credentials? = credentials,
        email: OutgoingEmail = OutgoingEmailRenderingTests.sample(body: "سلام\n.hidden line\n")
    ) -> SMTPConversation {
        SMTPConversation(email: email, security: security, heloName: "example.com", credentials: credentials)
    }

    /// The command lines among `actions`, without CRLF.
    static func commands(_ actions: [Action]) -> [String] {
        actions.compactMap {
            if case .send(let line, _) = $0 { String(decoding: line.dropLast(2), as: UTF8.self) } else { nil }
        }
    }

    static func outcome(_ actions: [Action]) -> SMTPSendResult? {
        actions.lazy.compactMap { if case .deliver(let result) = $0 { result } else { nil } }.first
    }

    /// Feeds a reply of one or more lines and returns every action.
    static func reply(_ conversation: inout SMTPConversation, _ lines: String...) -> [Action] {
        lines.flatMap { conversation.received(line: Array($0.utf8)) }
    }

    static let ehloBeforeTLS = ["250-smtp.example.com", "250-STARTTLS", "250-AUTH PLAIN LOGIN", "250 8BITMIME"]
    static let ehloAfterTLS = ["250-smtp.example.com", "250-SIZE 1000000", "250-AUTH PLAIN LOGIN", "250 8BITMIME"]

    static func ehlo(_ conversation: inout SMTPConversation, _ lines: [String]) -> [Action] {
        lines.flatMap { conversation.received(line: Array($0.utf8)) }
    }

    /// Runs a STARTTLS conversation up to the reply to DATA.
    static func throughData(_ conversation: inout SMTPConversation) -> [Action] {
        _ = reply(&conversation, "220 smtp.example.com ESMTP")
        _ = ehlo(&conversation, ehloBeforeTLS)
        _ = reply(&conversation, "220 go ahead")
        _ = conversation.tlsEstablished()
        _ = ehlo(&conversation, ehloAfterTLS)
        _ = reply(&conversation, "235 2.7.0 Authentication successful")
        _ = reply(&conversation, "250 2.1.0 Ok")
        _ = reply(&conversation, "250 2.1.5 Ok")
        return reply(&conversation, "354 End data with <CR><LF>.<CR><LF>")
    }

    @Test func theWholeSTARTTLSConversation() throws {
        let email = OutgoingEmailRenderingTests.sample(body: "سلام\n.hidden line\n")
        var conversation = Self.conversation(email: email)
        #expect(Self.commands(Self.reply(&conversation, "220 smtp.example.com ESMTP")) == ["EHLO example.com"])
        #expect(Self.commands(Self.ehlo(&conversation, Self.ehloBeforeTLS)) == ["STARTTLS"])
        #expect(Self.reply(&conversation, "220 2.0.0 Ready to start TLS") == [.startTLS])
        #expect(conversation.isAwaitingTLSHandshake)
        #expect(Self.commands(conversation.tlsEstablished()) == ["EHLO example.com"])

        let auth = Self.ehlo(&conversation, Self.ehloAfterTLS)
        let expectedPlain = Data("\0support@example.com\0s3cret".utf8).base64EncodedString()
        #expect(Self.commands(auth) == ["AUTH PLAIN \(expectedPlain)"])
        guard case .send(_, let logLine) = auth[0] else { Issue.record("no AUTH"); return }
        #expect(!logLine.contains(expectedPlain))

        let rendered = email.rendering(eightBit: true)
        #expect(rendered.bodyEncoding == .eightBit)
        #expect(Self.commands(Self.reply(&conversation, "235 2.7.0 Authentication successful")) == [
            "MAIL FROM:<support@example.com> BODY=8BITMIME SIZE=\(rendered.bytes.count)"
        ])
        #expect(Self.commands(Self.reply(&conversation, "250 2.1.0 Ok")) == ["RCPT TO:<aisha@customer.example>"])
        #expect(Self.commands(Self.reply(&conversation, "250 2.1.5 Ok")) == ["DATA"])
        #expect(Self.reply(&conversation, "354 End data with <CR><LF>.<CR><LF>") == [.sendMessage(payload: DotStuffing.stuff(rendered.bytes))])
        #expect(conversation.waiting == .finalReply)

        let done = Self.reply(&conversation, "250 2.0.0 Ok: queued as 4F2A1")
        #expect(Self.outcome(done) == .accepted(serverReply: "250 2.0.0 Ok: queued as 4F2A1"))
        #expect(Self.commands(done) == ["QUIT"])
        #expect(Self.reply(&conversation, "221 2.0.0 Bye") == [.close])
        #expect(conversation.connectionClosed() == [])
        #expect(conversation.result == .accepted(serverReply: "250 2.0.0 Ok: queued as 4F2A1"))
    }

    @Test func neverAuthenticatesBeforeSTARTTLSEvenWhenOffered() {
        var conversation = Self.conversation()
        _ = Self.reply(&conversation, "220 hi")
        let actions = Self.ehlo(&conversation, ["250-mx", "250-AUTH PLAIN LOGIN", "250 STARTTLS"])
        #expect(Self.commands(actions) == ["STARTTLS"])
    }

    @Test func refusesWhenSTARTTLSIsNotOffered() {
        var conversation = Self.conversation()
        _ = Self.reply(&conversation, "220 hi")
        let actions = Self.ehlo(&conversation, ["250-mx", "250-AUTH PLAIN LOGIN", "250 8BITMIME"])
        guard case .retryable(let reason) = Self.outcome(actions) else { Issue.record("\(actions)"); return }
        #expect(reason.contains("STARTTLS"))
        #expect(Self.commands(actions) == ["QUIT"])
    }

    @Test func dataBetweenSTARTTLSAndTheHandshakeIsRefused() {
        var conversation = Self.conversation()
        _ = Self.reply(&conversation, "220 hi")
        _ = Self.ehlo(&conversation, Self.ehloBeforeTLS)
        #expect(Self.reply(&conversation, "220 go") == [.startTLS])
        let actions = Self.reply(&conversation, "250-injected")
        guard case .retryable(let reason) = Self.outcome(actions) else { Issue.record("\(actions)"); return }
        #expect(reason.contains("injected"))
        #expect(actions.last == .close)
        #expect(conversation.tlsEstablished() == [])
    }

    @Test func authLogin() {
        var conversation = Self.conversation(.implicitTLS)
        _ = Self.reply(&conversation, "220 hi")
        #expect(Self.commands(Self.ehlo(&conversation, ["250-mx", "250 AUTH LOGIN"])) == ["AUTH LOGIN"])
        #expect(Self.commands(Self.reply(&conversation, "334 VXNlcm5hbWU6")) == [Data("support@example.com".utf8).base64EncodedString()])
        #expect(Self.commands(Self.reply(&conversation, "334 UGFzc3dvcmQ6")) == [Data("s3cret".utf8).base64EncodedString()])
        #expect(Self.commands(Self.reply(&conversation, "235 ok")).first?.hasPrefix("MAIL FROM:<support@example.com>") == true)
    }

    @Test func wrongPasswordIsPermanentWithTheServersWords() {
        var conversation = Self.conversation(.implicitTLS)
        _ = Self.reply(&conversation, "220 hi")
        _ = Self.ehlo(&conversation, ["250-mx", "250 AUTH PLAIN"])
        let actions = Self.reply(&conversation, "535 5.7.8 Error: authentication failed")
        #expect(Self.outcome(actions) == .permanent(reason: "the mail server refused the login for support@example.com: 535 5.7.8 Error: authentication failed"))
    }

    @Test func noUsableMechanismIsRetryable() {
        var conversation = Self.conversation(.implicitTLS)
        _ = Self.reply(&conversation, "220 hi")
        let actions = Self.ehlo(&conversation, ["250-mx", "250 AUTH XOAUTH2 CRAM-MD5"])
        guard case .retryable(let reason) = Self.outcome(actions) else { Issue.record("\(actions)"); return }
        #expect(reason.contains("CRAM-MD5, XOAUTH2"))
    }

    @Test func plainTextModeSkipsTLSAndMayAuthenticate() {
        var conversation = Self.conversation(.none)
        _ = Self.reply(&conversation, "220 hi")
        #expect(Self.commands(Self.ehlo(&conversation, ["250-localhost", "250 AUTH PLAIN"])).first?.hasPrefix("AUTH PLAIN ") == true)
        var anonymous = Self.conversation(.none, credentials: nil)
        _ = Self.reply(&anonymous, "220 hi")
        #expect(Self.commands(Self.reply(&anonymous, "250 localhost")).first?.hasPrefix("MAIL FROM:") == true)
    }

    @Test func fourHundredsAreRetryableAndFiveHundredsPermanent() {
        var deferred = Self.conversation()
        _ = Self.throughData(&deferred)
        let later = Self.reply(&deferred, "451 4.3.0 Temporary local problem")
        #expect(Self.outcome(later) == .retryable(reason: "the mail server deferred the message: 451 4.3.0 Temporary local problem"))
        #expect(Self.commands(later) == ["QUIT"])

        var rejected = Self.conversation()
        _ = Self.throughData(&rejected)
        #expect(Self.outcome(Self.reply(&rejected, "554-5.7.1 Rejected", "554 5.7.1 spam")) == .permanent(reason: "the mail server rejected the message: 554 5.7.1 Rejected 5.7.1 spam"))
    }

    @Test func recipientRefusalsStopBeforeData() {
        var email = OutgoingEmailRenderingTests.sample()
        email.cc = [Mailbox(address: "second@example.org")]
        var conversation = Self.conversation(.implicitTLS, credentials: nil, email: email)
        _ = Self.reply(&conversation, "220 hi")
        _ = Self.reply(&conversation, "250 mx")
        #expect(Self.commands(Self.reply(&conversation, "250 ok")) == ["RCPT TO:<aisha@customer.example>"])
        #expect(Self.commands(Self.reply(&conversation, "250 ok")) == ["RCPT TO:<second@example.org>"])
        let actions = Self.reply(&conversation, "550 5.1.1 <second@example.org>: User unknown")
        #expect(Self.outcome(actions) == .permanent(reason: "the mail server refused the recipient second@example.org: 550 5.1.1 <second@example.org>: User unknown"))
        #expect(Self.commands(actions) == ["QUIT"])
    }

    @Test func closingServiceIsRetryableWithoutQuit() {
        var conversation = Self.conversation()
        let actions = Self.reply(&conversation, "421 4.3.2 Service shutting down")
        guard case .retryable = Self.outcome(actions) else { Issue.record("\(actions)"); return }
        #expect(actions.last == .close)
        #expect(Self.commands(actions).isEmpty)
    }

    @Test func failuresBeforeTheEndOfTheMessageAreRetryable() {
        var closed = Self.conversation()
        _ = Self.reply(&closed, "220 hi")
        guard case .retryable(let reason) = Self.outcome(closed.connectionClosed()) else { Issue.record(); return }
        #expect(reason.contains("EHLO"))

        var timedOut = Self.conversation()
        _ = Self.reply(&timedOut, "220 hi")
        _ = Self.ehlo(&timedOut, Self.ehloBeforeTLS)
        guard case .retryable = Self.outcome(timedOut.timedOut()) else { Issue.record(); return }

        var tls = Self.conversation()
        _ = Self.reply(&tls, "220 hi")
        _ = Self.ehlo(&tls, Self.ehloBeforeTLS)
        _ = Self.reply(&tls, "220 go")
        let refused = tls.failed(reason: "TLS refused: the mail server's certificate for localhost is not trusted")
        guard case .retryable(let tlsReason) = Self.outcome(refused) else { Issue.record(); return }
        #expect(tlsReason.contains("not trusted"))
        #expect(refused.last == .close)
    }

    @Test func afterTheFinalDotOnlyAReplyDecides() {
        var closed = Self.conversation()
        _ = Self.throughData(&closed)
        guard case .unknown(let reason) = Self.outcome(closed.connectionClosed()) else { Issue.record(); return }
        #expect(reason.contains("may have been delivered"))

        var timedOut = Self.conversation()
        _ = Self.throughData(&timedOut)
        guard case .unknown = Self.outcome(timedOut.timedOut()) else { Issue.record(); return }

        var reset = Self.conversation()
        _ = Self.throughData(&reset)
        guard case .unknown = Self.outcome(reset.failed(reason: "connection reset by peer")) else { Issue.record(); return }

        var garbled = Self.conversation()
        _ = Self.throughData(&garbled)
        guard case .unknown = Self.outcome(Self.reply(&garbled, "hello?")) else { Issue.record(); return }
    }

    @Test func aBodyWriteFailureMeansTheEndWasNeverSent() {
        var conversation = Self.conversation()
        _ = Self.throughData(&conversation)
        guard case .retryable = Self.outcome(conversation.payloadWriteFailed(reason: "broken pipe")) else { Issue.record(); return }
        // Later events cannot change a decided outcome.
        #expect(Self.outcome(conversation.connectionClosed()) == nil)
        #expect(Self.outcome(conversation.payloadWriteFailed(reason: "again")) == nil)
    }

    @Test func outcomeIsDeliveredOnce() {
        var conversation = Self.conversation()
        _ = Self.throughData(&conversation)
        #expect(Self.outcome(Self.reply(&conversation, "250 ok")) != nil)
        #expect(Self.outcome(conversation.timedOut()) == nil)
        #expect(Self.outcome(conversation.connectionClosed()) == nil)
        #expect(Self.outcome(conversation.failed(reason: "x")) == nil)
    }

    @Test func internationalisedAddresses() {
        var email = OutgoingEmailRenderingTests.sample()
        email.to = [Mailbox(address: "عائشة@example.com")]
        var without = Self.conversation(.implicitTLS, credentials: nil, email: email)
        _ = Self.reply(&without, "220 hi")
        guard case .permanent(let reason) = Self.outcome(Self.reply(&without, "250 mx")) else { Issue.record(); return }
        #expect(reason.contains("SMTPUTF8"))

        var with = Self.conversation(.implicitTLS, credentials: nil, email: email)
        _ = Self.reply(&with, "220 hi")
        let mail = Self.commands(Self.ehlo(&with, ["250-mx", "250-8BITMIME", "250 SMTPUTF8"]))
        #expect(mail == ["MAIL FROM:<support@example.com> BODY=8BITMIME SMTPUTF8"])
        #expect(Self.commands(Self.reply(&with, "250 ok")) == ["RCPT TO:<عائشة@example.com>"])
    }

    @Test func sizeLimitIsCheckedBeforeSending() {
        var conversation = Self.conversation(.implicitTLS, credentials: nil)
        _ = Self.reply(&conversation, "220 hi")
        let actions = Self.ehlo(&conversation, ["250-mx", "250 SIZE 100"])
        guard case .permanent(let reason) = Self.outcome(actions) else { Issue.record(); return }
        #expect(reason.contains("limit of 100 bytes"))
    }

    @Test func withoutEightBitMIMETheBodyIsQuotedPrintable() {
        var conversation = Self.conversation(.implicitTLS, credentials: nil)
        _ = Self.reply(&conversation, "220 hi")
        #expect(Self.commands(Self.reply(&conversation, "250 mx")) == ["MAIL FROM:<support@example.com>"])
        _ = Self.reply(&conversation, "250 ok")
        _ = Self.reply(&conversation, "250 ok")
        guard case .sendMessage(let payload) = Self.reply(&conversation, "354 go").first else { Issue.record(); return }
        #expect(payload.allSatisfy { $0 < 0x80 })
        #expect(String(decoding: payload, as: UTF8.self).contains("Content-Transfer-Encoding: quoted-printable"))
    }

    @Test func garbageFromTheServerEndsTheAttempt() {
        var conversation = Self.conversation()
        let actions = Self.reply(&conversation, "HTTP/1.1 400 Bad Request")
        guard case .retryable(let reason) = Self.outcome(actions) else { Issue.record(); return }
        #expect(reason.contains("not valid SMTP"))
        #expect(actions.last == .close)
    }
}
