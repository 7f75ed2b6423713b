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
    /// once, prefixed `Re:` unless it already is. Another ticket's tag is dropped: intake threads on the
    /// first tag it finds, so `Re: … [#7] [#42]` would send the customer's answer to #7.
    public func replySubject(to subject: String?) -> String {
        var base = Self.removingTags(from: subject ?? "", except: id).trimmingWhitespace()
        if base.isEmpty { base = "Your request" }
        if !base.lowercased().hasPrefix("re:") { base = "Re: " + base }
        if TicketReference(subject: base) != self { base += " " + subjectTag }
        return base
    }

    /// The subject without `[#N]` tags other than `[#keep]`, and without the spaces they leave doubled.
    static func removingTags(from subject: String, except keep: Int64) -> String {
        var result = ""
        var rest = Substring(subject)
        while let open = rest.firstRange(of: "[#") {
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.firstIndex(of: "]") else { break }
            if let id = positiveInteger(afterOpen[..<close]), id != keep {
                result += rest[..<open.lowerBound]
            } else {
                result += rest[...close]
            }
            rest = afterOpen[afterOpen.index(after: close)...]
        }
        result += rest
        return result.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    static func positiveInteger(_ text: Substring) -> Int64? {
        guard !text.isEmpty, text.count <= 18, text.allSatisfy(\.isASCIIDigit), let value = Int64(text), value > 0
        else { return nil }
        return value
    }
}
