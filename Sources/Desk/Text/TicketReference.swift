/// How a ticket number is written: `42` or `#42` in IRC, and a `[#42]` tag in email subjects, which
/// threads replies from mail clients that drop `In-Reply-To`.
public struct TicketReference: Sendable, Hashable, CustomStringConvertible {
    public let id: Int64

    public init(_ id: Int64) { self.id = id }

    /// Reads `42` or `#42` (an IRC command argument). Rejects zero, signs and anything else.
    public init?(token: String) {
        var text = Substring(token.trimmingWhitespace())
        if text.first == "#" { text = text.dropFirst() }
        guard let id = Self.positiveInteger(text) else { return nil }
        self.id = id
    }

    /// Finds the first `[#42]` tag in an email subject.
    public init?(subject: String) {
        var rest = Substring(subject)
        while let open = rest.firstRange(of: "[#") {
            let afterOpen = rest[open.upperBound...]
            if let close = afterOpen.firstIndex(of: "]"), let id = Self.positiveInteger(afterOpen[..<close]) {
                self.id = id
                return
            }
            rest = afterOpen
        }
        return nil
    }

    /// `[#42]`
    public var subjectTag: String { "[#\(id)]" }

    /// `#42`
    public var description: String { "#\(id)" }

    /// The subject for an outbound email on this ticket: the customer's subject with our tag appended
    /// once, prefixed `Re:` unless it already is.
    public func replySubject(to subject: String?) -> String {
        var base = (subject ?? "").trimmingWhitespace()
        if base.isEmpty { base = "Your request" }
        if !base.lowercased().hasPrefix("re:") { base = "Re: " + base }
        if TicketReference(subject: base) != self { base += " " + subjectTag }
        return base
    }

    static func positiveInteger(_ text: Substring) -> Int64? {
        guard !text.isEmpty, text.count <= 18, text.allSatisfy(\.isASCIIDigit), let value = Int64(text), value > 0
        else { return nil }
        return value
    }
}
