import Foundation
import Logging
import Testing
import TestSupport

@testable import SMTPClient

/// Against a real SMTP server (aiosmtpd), over real TLS with certificates made for the run.
@Suite(.timeLimit(.minutes(2)), .needsServers) struct SMTPClientLiveTests {
    static let user = "support@example.com"
    static let password = "correct horse battery"

    static let body = """
        مرحباً عائشة،
        تم استرداد مبلغ ٤٩٫٩٩ دولاراً إلى بطاقتك.
        สวัสดีครับ คุณสมชาย เราได้รับเรื่องของคุณแล้ว
        .this line starts with a dot
        .
        ..two dots
        Thanks,
        Switchboard
        """

    static func email(body: String = body, isAutoReply: Bool = false, to: String = "aisha@customer.example") -> OutgoingEmail {
        OutgoingEmail(
            from: Mailbox(name: "دعم سويتشبورد", address: "support@example.com"),
            to: [Mailbox(name: "Aisha Khan", address: to)],
            subject: "Re: مشكلة في الفاتورة [#42]",
            body: body, messageID: OutgoingEmail.makeMessageID(domain: "example.com"),
            inReplyTo: "CAF1234@mail.customer.example", references: ["first@mail.customer.example"],
            isAutoReply: isAutoReply, date: Date(timeIntervalSince1970: 1_751_360_703))
    }

    static func client(
        _ server: SMTPTestServer, security: SMTPSecurity = .startTLS, host: String = "localhost", password: String = password,
        credentials: Bool = true
    ) throws -> SMTPClient {
        var logger = Logger(label: "test.smtp")
        logger.logLevel = ProcessInfo.processInfo.environment["SWITCHBOARD_SMTP_TRACE"] != nil ? .trace : .info
        let configuration = SMTPConfiguration(
            host: host, port: server.port, security: security, username: credentials ? user : nil,
            password: credentials ? password : nil, caFile: try SMTPTestServer.certificates.get().ca,
            timeout: .seconds(10), finalReplyTimeout: .seconds(10))
        return try SMTPClient(configuration: configuration, logger: logger)
    }

    static let authArguments = ["--user", user, "--password", password]

    static func crlf(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n"
    }

    // MARK: Delivery

    @Test func deliversIntactOverSTARTTLSWithEightBitMIME() async throws {
        try await SMTPTestServer.with(["--tls", "starttls"] + Self.authArguments) { server in
            let client = try Self.client(server)
            let reply = Self.email()
            let confirmation = Self.email(body: "Your ticket #42 is closed.", isAutoReply: true)
            guard case .accepted(let serverReply) = await client.send(reply) else { Issue.record("reply not accepted"); return }
            #expect(serverReply.hasPrefix("250 "))
            #expect(await client.send(confirmation) == .accepted(serverReply: "250 2.0.0 Ok: queued as TEST2"))

            let messages = try server.messages()
            try #require(messages.count == 2)
            let received = messages[0]
            // Byte for byte what we rendered: dot-stuffing was undone exactly by a real server.
            #expect(received.raw == reply.rendered(eightBit: true))
            #expect(received.mail_from == "support@example.com")
            #expect(received.rcpt_tos == ["aisha@customer.example"])
            #expect(received.mail_options.contains("BODY=8BITMIME"))
            #expect(received.subject == "Re: مشكلة في الفاتورة [#42]")
            #expect(received.from == [.init(name: "دعم سويتشبورد", address: "support@example.com")])
            #expect(received.to == [.init(name: "Aisha Khan", address: "aisha@customer.example")])
            #expect(received.message_id == "<\(reply.messageID)>")
            #expect(received.in_reply_to == "<CAF1234@mail.customer.example>")
            #expect(received.references == "<first@mail.customer.example> <CAF1234@mail.customer.example>")
            #expect(received.auto_submitted == nil)
            #expect(received.date_valid)
            #expect(received.content_type == "text/plain")
            #expect(received.charset == "utf-8")
            #expect(received.transfer_encoding == "8bit")
            #expect(received.body == Self.crlf(Self.body))
            #expect(received.defects.isEmpty, "\(received.defects)")
            #expect(received.longest_line <= 998)
            #expect(!received.bare_lf)

            #expect(messages[1].auto_submitted == "auto-replied")
            #expect(messages[1].body == "Your ticket #42 is closed.\r\n")
            #expect(messages[1].transfer_encoding == "7bit")

            let auth = try server.authRecords()
            #expect(auth.count == 2)
            #expect(auth.allSatisfy { $0.tls && $0.mechanism == "PLAIN" })
        }
    }

    @Test func sendsQuotedPrintableWhenEightBitMIMEIsOff() async throws {
        try await SMTPTestServer.with(["--tls", "starttls", "--no-8bitmime"] + Self.authArguments) { server in
            let email = Self.email()
            guard case .accepted = try await Self.client(server).send(email) else { Issue.record("not accepted"); return }
            let received = try #require(try server.messages().first)
            #expect(received.raw == email.rendered(eightBit: false))
            #expect(received.raw.allSatisfy { $0 < 0x80 })
            #expect(!received.mail_options.contains("BODY=8BITMIME"))
            #expect(received.transfer_encoding == "quoted-printable")
            #expect(received.body == Self.crlf(Self.body))
            #expect(received.subject == "Re: مشكلة في الفاتورة [#42]")
            #expect(received.defects.isEmpty, "\(received.defects)")
            #expect(received.longest_line <= 76)
        }
    }

    @Test func implicitTLSOnAnIPAddressVerifiesTheCertificatesIPName() async throws {
        try await SMTPTestServer.with(["--tls", "implicit"] + Self.authArguments) { server in
            let email = Self.email()
            guard case .accepted = try await Self.client(server, security: .implicitTLS, host: "127.0.0.1").send(email) else {
                Issue.record("not accepted")
                return
            }
            #expect(try server.messages().map(\.message_id) == ["<\(email.messageID)>"])
            #expect(try server.authRecords().map(\.tls) == [true])
        }
    }

    @Test func authLoginWhenPlainIsNotOffered() async throws {
        try await SMTPTestServer.with(["--tls", "implicit", "--auth-mechanisms", "LOGIN"] + Self.authArguments) { server in
            guard case .accepted = try await Self.client(server, security: .implicitTLS).send(Self.email()) else {
                Issue.record("not accepted")
                return
            }
            #expect(try server.authRecords().map(\.mechanism) == ["LOGIN"])
        }
    }

    @Test func plainTextToLocalhostWhenConfigured() async throws {
        try await SMTPTestServer.with(["--tls", "none"]) { server in
            let email = Self.email()
            let result = try await Self.client(server, security: .none, credentials: false).send(email)
            #expect(result == .accepted(serverReply: "250 2.0.0 Ok: queued as TEST1"))
            #expect(try server.messages().first?.raw == email.rendered(eightBit: true))
        }
    }

    @Test func internationalisedAddressesUseSMTPUTF8() async throws {
        try await SMTPTestServer.with(["--tls", "implicit", "--smtputf8"] + Self.authArguments) { server in
            let email = Self.email(to: "عائشة@example.com")
            guard case .accepted = try await Self.client(server, security: .implicitTLS).send(email) else { Issue.record("not accepted"); return }
            let received = try #require(try server.messages().first)
            #expect(received.rcpt_tos == ["عائشة@example.com"])
            #expect(received.mail_options.contains("SMTPUTF8"))
        }
        try await SMTPTestServer.with(["--tls", "implicit"] + Self.authArguments) { server in
            guard case .permanent(let reason) = try await Self.client(server, security: .implicitTLS).send(Self.email(to: "عائشة@example.com")) else {
                Issue.record("expected a permanent failure")
                return
            }
            #expect(reason.contains("SMTPUTF8"))
            #expect(try server.messages().isEmpty)
        }
    }

    // MARK: Refusing insecure servers

    @Test func refusesAnUntrustedCertificateBeforeSendingCredentials() async throws {
        try await SMTPTestServer.with(["--tls", "starttls"] + Self.authArguments, certificate: "rogue") { server in
            let result = try await Self.client(server).send(Self.email())
            guard case .retryable(let reason) = result else { Issue.record("\(result)"); return }
            #expect(reason.contains("not trusted"), "\(reason)")
            #expect(try server.authRecords().isEmpty)
            #expect(try server.messages().isEmpty)
        }
        try await SMTPTestServer.with(["--tls", "implicit"] + Self.authArguments, certificate: "rogue") { server in
            let result = try await Self.client(server, security: .implicitTLS).send(Self.email())
            guard case .retryable(let reason) = result else { Issue.record("\(result)"); return }
            #expect(reason.contains("not trusted"), "\(reason)")
            #expect(try server.authRecords().isEmpty)
        }
    }

    @Test func refusesACertificateForAnotherHost() async throws {
        try await SMTPTestServer.with(["--tls", "starttls"] + Self.authArguments, certificate: "wronghost") { server in
            let result = try await Self.client(server).send(Self.email())
            guard case .retryable(let reason) = result else { Issue.record("\(result)"); return }
            #expect(reason.contains("TLS refused"), "\(reason)")
            #expect(try server.authRecords().isEmpty)
        }
    }

    @Test func refusesWhenSTARTTLSIsRequiredButNotOffered() async throws {
        // The server offers AUTH in plain text, which the client must not take up.
        try await SMTPTestServer.with(["--tls", "none", "--auth-in-clear"] + Self.authArguments) { server in
            let result = try await Self.client(server).send(Self.email())
            guard case .retryable(let reason) = result else { Issue.record("\(result)"); return }
            #expect(reason.contains("STARTTLS"), "\(reason)")
            #expect(try server.authRecords().isEmpty)
            #expect(try server.messages().isEmpty)
        }
    }

    // MARK: Outcomes for the outbox

    @Test func aTemporaryFailureIsRetryableAndTheRetryDeliversOnce() async throws {
        try await SMTPTestServer.with(["--tls", "starttls", "--tempfail-once"] + Self.authArguments) { server in
            let client = try Self.client(server)
            let email = Self.email()
            let first = await client.send(email)
            #expect(first == .retryable(reason: "the mail server deferred the message: 451 4.3.0 Temporary local problem, please try again"))
            #expect(try server.messages().isEmpty)
            guard case .accepted = await client.send(email) else { Issue.record("retry not accepted"); return }
            #expect(try server.messages().map(\.message_id) == ["<\(email.messageID)>"])
        }
    }

    @Test func aRejectedMessageIsPermanentWithTheServersText() async throws {
        try await SMTPTestServer.with(["--tls", "starttls", "--reject-data"] + Self.authArguments) { server in
            let result = try await Self.client(server).send(Self.email())
            #expect(result == .permanent(
                reason: "the mail server rejected the message: 550 5.7.1 Message content rejected: spam score too high"))
        }
        try await SMTPTestServer.with(["--tls", "starttls", "--reject-rcpt"] + Self.authArguments) { server in
            let result = try await Self.client(server).send(Self.email())
            #expect(result == .permanent(
                reason: "the mail server refused the recipient aisha@customer.example: 550 5.1.1 <aisha@customer.example>: "
                    + "Recipient address rejected: User unknown in virtual mailbox table"))
        }
    }

    @Test func aWrongPasswordIsPermanent() async throws {
        try await SMTPTestServer.with(["--tls", "starttls"] + Self.authArguments) { server in
            let result = try await Self.client(server, password: "wrong").send(Self.email())
            guard case .permanent(let reason) = result else { Issue.record("\(result)"); return }
            #expect(reason.hasPrefix("the mail server refused the login for support@example.com: 535"), "\(reason)")
        }
    }

    @Test func aDropAfterTheFinalDotIsUnknown() async throws {
        try await SMTPTestServer.with(["--tls", "starttls", "--drop-after-dot"] + Self.authArguments) { server in
            let result = try await Self.client(server).send(Self.email())
            guard case .unknown(let reason) = result else { Issue.record("\(result)"); return }
            #expect(reason.contains("may have been delivered"))
            // And indeed the server has it: resending would have made a duplicate.
            #expect(try server.messages().count == 1)
        }
    }

    @Test func anOversizedMessageIsRefusedBeforeSending() async throws {
        try await SMTPTestServer.with(["--tls", "starttls", "--size-limit", "2000"] + Self.authArguments) { server in
            let result = try await Self.client(server).send(Self.email(body: String(repeating: "long text ", count: 400)))
            guard case .permanent(let reason) = result else { Issue.record("\(result)"); return }
            #expect(reason.contains("limit of 2000 bytes"))
            #expect(try server.messages().isEmpty)
        }
    }

    @Test func noServerIsRetryable() async throws {
        let server = try await SMTPTestServer.start(["--tls", "starttls"])
        let client = try Self.client(server)
        server.stop()
        try? FileManager.default.removeItem(at: server.directory)
        guard case .retryable(let reason) = await client.send(Self.email()) else { Issue.record("expected retryable"); return }
        #expect(reason.contains("cannot connect"))
    }
}
