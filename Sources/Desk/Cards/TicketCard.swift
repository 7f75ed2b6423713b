public import Foundation
public import IRC

/// The lines that announce a ticket in a channel: one glance says what came in, from whom, how urgent it
/// is, and what to type next. Customer text is sanitised into one inert line and cut at a word.
public struct TicketCard: Sendable {
    public var ticket: Ticket
    public var customer: Customer?
    public var contact: ContactKey?
    public var excerpt: String
    /// Below this confidence the category carries a `?` and the score.
    public var lowConfidence: Double = 0.6
    public var commandPrefix: String = "!"
    /// Accounts to mention on the card (a rule with `mention: true`).
    public var mention: String?
    /// "updated" cards tell an owner the customer wrote again.
    public var isUpdate = false
    /// The message's `Reply-To` when it differs from `From`: shown masked, so agents see where a reply
    /// would not go by default (replies go to `From`; see ``ReplyRecipient``).
    public var replyTo: String?

    public init(ticket: Ticket, customer: Customer?, contact: ContactKey?, excerpt: String) {
        self.ticket = ticket
        self.customer = customer
        self.contact = contact
        self.excerpt = excerpt
    }

    public static let excerptLimit = 180

    public func lines(now: Date) -> [IRCLine] {
        let urgency: IRCLine = ticket.urgency == .high ? " \u{03}04●\u{0F} high" : ""
        var head: [IRCLine] = ["\u{02}#\(ticket.id)\u{02} \(categoryText)\(urgency)"]
        head.append(ticket.channel == .whatsapp ? "WhatsApp" : "email")
        head.append("\(ticket.lang ?? "und")")
        head.append(who)
        if let contact { head.append("\(ContactMask.mask(contact))") }
        if let replyTo { head.append("Reply-To \(ContactMask.mask(.email(replyTo)))") }
        var tail: [IRCLine] = ["\"\(excerpt, limit: Self.excerptLimit)\""]
        if isUpdate {
            tail.append("customer wrote again")
        }
        if let owner = ticket.owner {
            tail.append("claimed by \(owner)")
        } else {
            if let owner = ticket.routedOwner { tail.append("owner: \(owner)") }
            tail.append("\(botText: commandPrefix)claim \(ticket.id)")
        }
        tail.append("\(Self.age(from: ticket.createdAt, to: now))")
        if let mention { tail.insert("\(mention):", at: 0) }
        let first = IRCLine.joined(head, separator: " · ")
        let second = IRCLine.joined(tail, separator: " · ")
        if first.text.utf8.count + second.text.utf8.count < 300 { return [first + " · " + second] }
        return [first, "     " + second]
    }

    var categoryText: String {
        guard let category = ticket.category else { return "untriaged" }
        if let confidence = ticket.confidence, confidence < lowConfidence {
            return "\(category.rawValue)? (\(String(format: "%.2f", confidence)))"
        }
        return category.rawValue
    }

    var who: IRCLine {
        guard let customer else { return "unknown customer" }
        let details = [customer.company, customer.plan].compactMap { $0 }.filter { !$0.isEmpty }
        return details.isEmpty ? "\(customer.name)" : "\(customer.name) (\(details.joined(separator: ", ")))"
    }

    /// Cuts at a word boundary and marks the cut, so an excerpt never ends mid-word or mid-grapheme.
    public static func cut(_ text: String, limit: Int) -> String {
        IRCLine.cut(text, limit: limit)
    }

    /// `just now`, then ``DurationText/words(_:)``: `5m`, `3h 10m`, `2d 4h`.
    public static func age(from start: Date, to now: Date) -> String {
        let seconds = now.timeIntervalSince(start)
        return seconds < 60 ? "just now" : DurationText.words(seconds)
    }
}

/// One line standing in for many cards when a channel is flooded.
public enum CardSummary {
    public static func line(channel: String, counts: [Category: Int], commandPrefix: String = "!") -> IRCLine {
        "\(counts.values.reduce(0, +)) new in \(channel): \(breakdown(counts)) — \(botText: commandPrefix)queue to list"
    }

    /// Urgent cards that piled up faster than the flood gate drains them.
    public static func urgentLine(channel: String, counts: [Category: Int], commandPrefix: String = "!") -> IRCLine {
        "\(counts.values.reduce(0, +)) urgent in \(channel): \(breakdown(counts)) — \(botText: commandPrefix)queue urgent"
    }

    /// no_action tickets, shown quietly so that a wrong call is seen: `3 no_action in #support: "thanks!",
    /// "ok noted", "👍" — !queue no_action`.
    public static func quietLine(channel: String, count: Int, excerpts: [String], commandPrefix: String = "!") -> IRCLine {
        let quoted = IRCLine.joined(excerpts.map { "\"\($0, limit: 40)\"" }, separator: ", ")
        let more: IRCLine = count > excerpts.count ? " and \(count - excerpts.count) more" : ""
        return "\(count) no_action in \(channel): \(quoted)\(more) — \(botText: commandPrefix)queue no_action"
    }

    static func breakdown(_ counts: [Category: Int]) -> String {
        counts.sorted { $0.value == $1.value ? $0.key.rawValue < $1.key.rawValue : $0.value > $1.value }
            .map { "\($0.value) \($0.key.rawValue)" }.joined(separator: ", ")
    }
}
