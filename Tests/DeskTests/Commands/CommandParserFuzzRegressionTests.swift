import Desk
import Foundation
import Testing

/// Inputs the `command` fuzz target (Fuzz/Targets/CommandFuzzer.swift) found, replayed byte for byte from
/// Fixtures/fuzz, decoded the way IRC lines are.
@Suite("CommandParser fuzz regressions")
struct CommandParserFuzzRegressionTests {
    static func line(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/fuzz"))
        return String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    static func parse(_ line: String) -> Result<DeskCommand, CommandParser.UsageError>? {
        CommandParser.parse(line, prefix: "!", isDirect: false)
    }

    /// `!snooze 21 9220000000986594942h` trapped on `Int` overflow: any agent could stop the bot.
    @Test("a snooze too long for Int is a usage error, not a trap")
    func snoozeOverflow() throws {
        let line = try Self.line("command-snooze-overflow")
        guard case .failure(let error)? = Self.parse(line) else {
            Issue.record("expected a usage error for \(line.debugDescription)")
            return
        }
        #expect(error.command == "snooze")
        #expect(DurationText.seconds("9220000000986594942h") == nil)
        #expect(DurationText.seconds("106751991167301d") == nil)
        // The largest whole number of hours that fits still parses.
        #expect(DurationText.seconds("2562047788015215h") == 2_562_047_788_015_215 * 3600)
        // …and is then refused by the snooze cap, in words.
        guard case .failure(let capped)? = Self.parse("!snooze 42 2562047788015215h") else { Issue.record("expected the cap"); return }
        #expect(capped.message.contains("90d at most"))
    }

    /// An ideographic space (U+3000) after the ticket number became part of the template name.
    @Test("any whitespace separates words")
    func unicodeWhitespace() throws {
        let line = try Self.line("command-ideographic-space")
        guard case .template(let ticket, let name)? = try Self.parse(line)?.get() else {
            Issue.record("expected a template command for \(line.debugDescription)")
            return
        }
        #expect(ticket == 42)
        #expect(!name.contains { $0.isWhitespace })
        #expect(name.hasPrefix("men)_re"))
        #expect(try Self.parse("!claim\u{3000}42")?.get() == .claim(ticket: 42))
        #expect(try Self.parse("!assign 42\u{00A0}aisha")?.get() == .assign(ticket: 42, account: "aisha"))
        // Free text keeps its own spacing, whatever the separators.
        #expect(try Self.parse("!note\u{3000}42 called\u{3000}twice")?.get() == .note(ticket: 42, text: "called\u{3000}twice"))
    }
}
