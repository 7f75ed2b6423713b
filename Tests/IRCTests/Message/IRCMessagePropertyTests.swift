import IRC
import Testing

@Suite struct IRCMessagePropertyTests {
    static let cases = 2_000

    static let tagValuePool: [Character] = RandomText.readable + [";", "\\", " ", "\r", "\n", "\r\n", "=", "s", ":"]
    static let keyPool = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.")
    static let commands = ["PRIVMSG", "NOTICE", "TAGMSG", "JOIN", "005", "353", "CAP", "AUTHENTICATE", "PONG"]

    static func randomMessage(using generator: inout SeededGenerator) -> IRCMessage {
        var tags: [String: String] = [:]
        for _ in 0..<Int.random(in: 0...4, using: &generator) {
            var key = RandomText.text(from: keyPool, length: 1...8, using: &generator)
            if Bool.random(using: &generator) { key = "example.com/" + key }
            if Bool.random(using: &generator) { key = "+" + key }
            tags[key] = RandomText.text(from: tagValuePool, length: 0...20, using: &generator)
        }
        let source: String? = Bool.random(using: &generator)
            ? RandomText.middle(using: &generator) + "!" + RandomText.middle(using: &generator) + "@host.example"
            : nil
        var parameters = (0..<Int.random(in: 0...6, using: &generator)).map { _ in
            RandomText.middle(using: &generator)
        }
        if Bool.random(using: &generator) {
            // A last parameter that may be empty, start with ':' or hold spaces.
            var last = RandomText.text(from: RandomText.readable + [" ", " ", ":"], length: 0...40,
                                       using: &generator)
            if Bool.random(using: &generator) { last = ":" + last }
            parameters.append(last)
        }
        return IRCMessage(tags: tags, source: source, command: commands.randomElement(using: &generator)!,
                          parameters: parameters)
    }

    static func hasLineBreakOrNUL(_ text: String) -> Bool {
        text.utf8.contains { byte in byte == 0x0D || byte == 0x0A || byte == 0 }
    }

    @Test func serialiseThenParseRoundTrips() throws {
        var generator = SeededGenerator(seed: 0x5EED_0001)
        for _ in 0..<Self.cases {
            let message = Self.randomMessage(using: &generator)
            let line = try message.serialized()
            #expect(!Self.hasLineBreakOrNUL(line))
            let parsed = try IRCMessage(parsing: line)
            #expect(parsed == message, "\(line.debugDescription)")
            if parsed != message { break }
        }
    }

    /// Injects CR, LF or NUL into a random atom: the serialiser must throw unless the atom is a tag value
    /// (which escapes CR and LF), and whatever it emits must be a single line.
    @Test func lineBreaksNeverProduceASecondLine() {
        var generator = SeededGenerator(seed: 0x5EED_0002)
        let poison: [String] = ["\r", "\n", "\r\n", "\0", "\n\r", "x\r\nQUIT :bye"]
        var threw = 0
        for _ in 0..<Self.cases {
            var message = Self.randomMessage(using: &generator)
            let bad = poison.randomElement(using: &generator)!
            var mustThrow = true
            switch Int.random(in: 0..<4, using: &generator) {
            case 0 where !message.parameters.isEmpty:
                let position = Int.random(in: 0..<message.parameters.count, using: &generator)
                message.parameters[position] += bad
            case 1:
                message.source = (message.source ?? "nick") + bad
            case 2:
                message.tags["k"] = "v" + bad
                mustThrow = bad.utf8.contains(0)
            default:
                message.parameters.append("text " + bad + " more")
            }
            do {
                let line = try message.serialized()
                #expect(!mustThrow, "\(line.debugDescription) should have been refused")
                #expect(!Self.hasLineBreakOrNUL(line))
                #expect(try IRCMessage(parsing: line) == message)
            } catch {
                threw += 1
                #expect(error as? IRCMessageError != nil)
            }
        }
        #expect(threw > Self.cases / 2)
    }
}
