/// A line the bot says in IRC, built so that text from outside the bot (customers, agents, the store)
/// can only enter it sanitised.
///
/// Why a type and not a habit: every command that answers in IRC builds its lines from values it read,
/// and with plain strings one forgotten ``IRCSanitizer/singleLine(_:)`` lets a customer's CR, CTCP or
/// bidi override through. Here a `String` gets in only through interpolation or
/// ``init(sanitizing:)``, and both sanitise. Literals written in the source are the bot's own words and
/// are kept as they are (bold and colour codes included); so are integers.
///
/// The line also remembers whether it *begins* with outside text, so that ``pieces(maxBytes:)`` can make
/// sure no line the bot sends starts with a customer's words (another bot, or a ChanServ fantasy
/// command, would run `!op mallory` with this bot's rights).
public struct IRCLine: Sendable, Hashable, CustomStringConvertible {
    /// The rendered text: one line, safe to send.
    public private(set) var text: String
    /// Whether the first visible character came from outside text; nil while nothing visible was added.
    private var leadIsForeign: Bool?

    public init() {
        text = ""
    }

    /// The whole of `text` as outside text: sanitised, and never trusted to start a line.
    public init(sanitizing text: String) {
        self.text = ""
        appendForeign(text)
    }

    /// Text the bot wrote itself but built at run time (usage lines, refusal reasons): sanitised like
    /// any text, yet allowed to start a line. Never pass customer text here.
    public init(botText: String) {
        self.text = ""
        append(IRCSanitizer.singleLine(botText), foreign: false)
    }

    public var description: String { text }
    public var isEmpty: Bool { text.isEmpty }

    /// Whether the line starts with text from outside the bot.
    public var beginsWithForeignText: Bool { leadIsForeign == true }

    public static func + (lhs: IRCLine, rhs: IRCLine) -> IRCLine {
        var result = lhs
        result.append(rhs)
        return result
    }

    public mutating func append(_ line: IRCLine) {
        if leadIsForeign == nil { leadIsForeign = line.leadIsForeign }
        text += line.text
    }

    /// Joins lines with a separator written by the bot.
    public static func joined(_ lines: [IRCLine], separator: StaticString) -> IRCLine {
        var result = IRCLine()
        for (index, line) in lines.enumerated() {
            if index > 0 { result.append("\(separator)", foreign: false) }
            result.append(line)
        }
        return result
    }

    fileprivate mutating func appendForeign(_ value: String) {
        append(IRCSanitizer.singleLine(value), foreign: true)
    }

    fileprivate mutating func append(_ value: String, foreign: Bool) {
        if leadIsForeign == nil, value.unicodeScalars.contains(where: { !Self.isInvisibleLead($0) }) {
            leadIsForeign = foreign
        }
        text += value
    }

    /// Whitespace and formatting toggles do not count as the start of a line.
    static func isInvisibleLead(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || [0x02, 0x0F, 0x11, 0x16, 0x1D, 0x1E, 0x1F].contains(scalar.value)
    }
}

extension IRCLine: ExpressibleByStringInterpolation {
    public init(stringLiteral value: String) {
        text = ""
        append(value, foreign: false)
    }

    public init(stringInterpolation: StringInterpolation) {
        self = stringInterpolation.line
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var line = IRCLine()

        public init(literalCapacity: Int, interpolationCount: Int) {}

        /// The bot's own words, from the source code.
        public mutating func appendLiteral(_ literal: String) {
            line.append(literal, foreign: false)
        }

        /// A line that is already safe keeps its own idea of where outside text starts.
        public mutating func appendInterpolation(_ other: IRCLine) {
            line.append(other)
        }

        /// Numbers cannot carry protocol.
        public mutating func appendInterpolation<Number: BinaryInteger>(_ number: Number) {
            line.append(String(number), foreign: false)
        }

        /// Text the bot itself chose at run time (its configured command prefix, an agent account from
        /// config): sanitised, and allowed to start a line. Never customer text.
        public mutating func appendInterpolation(botText: String) {
            line.append(IRCSanitizer.singleLine(botText), foreign: false)
        }

        /// Anything else is outside text: sanitised into one inert line.
        public mutating func appendInterpolation(_ value: some CustomStringConvertible) {
            line.appendForeign(value.description)
        }

        /// An error's description can quote anything it failed on: outside text.
        public mutating func appendInterpolation(_ error: any Error) {
            line.appendForeign(String(describing: error))
        }

        /// Outside text, sanitised and then cut at a word to at most `limit` characters.
        public mutating func appendInterpolation(_ value: some CustomStringConvertible, limit: Int) {
            line.append(IRCLine.cut(IRCSanitizer.singleLine(value.description), limit: limit), foreign: true)
        }
    }

    /// Cuts at a word boundary and marks the cut, so an excerpt never ends mid-word or mid-grapheme.
    public static func cut(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        let prefix = text.prefix(limit)
        let atWord = prefix.lastIndex(of: " ").map { prefix[..<$0] } ?? prefix
        return String(atWord.count > limit / 2 ? atWord : prefix) + "…"
    }
}
