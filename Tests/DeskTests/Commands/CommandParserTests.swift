import Desk
import Testing

@Suite("CommandParser")
struct CommandParserTests {
    static func parse(_ line: String, direct: Bool = false) -> Result<DeskCommand, CommandParser.UsageError>? {
        CommandParser.parse(line, prefix: "!", isDirect: direct)
    }

    @Test("ticket numbers as 42 or #42, names case-insensitive, prefix optional only in a DM")
    func basicForms() throws {
        #expect(try Self.parse("!claim 42")?.get() == .claim(ticket: 42))
        #expect(try Self.parse("!CLAIM #42")?.get() == .claim(ticket: 42))
        #expect(try Self.parse("claim 42", direct: true)?.get() == .claim(ticket: 42))
        #expect(try Self.parse("!claim 42", direct: true)?.get() == .claim(ticket: 42))
        #expect(Self.parse("claim 42") == nil, "in a channel, text without the prefix is conversation")
        #expect(Self.parse("thanks everyone") == nil)
    }

    @Test("free text, flags and arguments")
    func arguments() throws {
        #expect(try Self.parse("!draft 118 duplicate charge refunded today, 5–7 working days")?.get()
                == .draft(ticket: 118, facts: "duplicate charge refunded today, 5–7 working days"))
        #expect(try Self.parse("!draft 118")?.get() == .draft(ticket: 118, facts: nil))
        #expect(try Self.parse("!send 121 --anyway thanks, will check")?.get() == .send(ticket: 121, anyway: true, text: "thanks, will check"))
        #expect(try Self.parse("!send #121")?.get() == .send(ticket: 121, anyway: false, text: nil))
        #expect(try Self.parse("!send 121 --to reply-to Pat, it ships today")?.get()
                == .send(ticket: 121, anyway: false, text: "Pat, it ships today", toReplyTo: true))
        #expect(try Self.parse("!send 121 --anyway --to Reply-To will check")?.get()
                == .send(ticket: 121, anyway: true, text: "will check", toReplyTo: true))
        #expect(try Self.parse("!send 121 --to reply-to")?.get() == .send(ticket: 121, anyway: false, text: nil, toReplyTo: true))
        #expect(try Self.parse("!send 121 --toast is ready")?.get() == .send(ticket: 121, anyway: false, text: "--toast is ready"))
        guard case .failure(let badTo)? = Self.parse("!send 121 --to bob@x.example hi") else { Issue.record("--to takes only reply-to"); return }
        #expect(badTo.message.contains("--to takes reply-to"))
        #expect(try Self.parse("!close 118 refunded duplicate charge")?.get() == .close(ticket: 118, silent: false, resolution: "refunded duplicate charge"))
        #expect(try Self.parse("!close 118 --silent")?.get() == .close(ticket: 118, silent: true, resolution: nil))
        #expect(try Self.parse("!tag 42 churn_risk")?.get() == .tag(ticket: 42, category: .churnRisk))
        #expect(try Self.parse("!snooze 42 4h")?.get() == .snooze(ticket: 42, seconds: 14_400))
        #expect(try Self.parse("!snooze 42 90d")?.get() == .snooze(ticket: 42, seconds: 90 * 86_400))
        guard case .failure(let tooLong)? = Self.parse("!snooze 42 91d") else { Issue.record("a 91-day snooze is refused"); return }
        #expect(tooLong.message.contains("90d at most"))
        #expect(try Self.parse("!assign 42 aisha")?.get() == .assign(ticket: 42, account: "aisha"))
        #expect(try Self.parse("!queue billing")?.get() == .queue(.category(.billing)))
        #expect(try Self.parse("!queue mine")?.get() == .queue(.mine))
        #expect(try Self.parse("!kb refund policy")?.get() == .kb(query: "refund policy"))
        #expect(try Self.parse("!edit 7 Hi Omar, the refund left today.")?.get() == .edit(ticket: 7, text: "Hi Omar, the refund left today."))
    }

    @Test("usage errors show the right form")
    func usageErrors() {
        guard case .failure(let error)? = Self.parse("!claim") else { Issue.record("expected a usage error"); return }
        #expect(error.message.contains("Usage: claim N"))
        guard case .failure(let bad)? = Self.parse("!tag 42 angry") else { Issue.record("expected a usage error"); return }
        #expect(bad.message.contains("not one of"))
        guard case .failure(let snooze)? = Self.parse("!snooze 42 soon") else { Issue.record("expected a usage error"); return }
        #expect(snooze.message.contains("4h"))
        guard case .failure(let unknown)? = Self.parse("frobnicate 3", direct: true) else { Issue.record("expected a usage error"); return }
        #expect(unknown.message.contains("unknown command"))
    }
}
