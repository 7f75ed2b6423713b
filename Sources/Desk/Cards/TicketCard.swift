public import Foundation
import IRC

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

    public func lines(now: Date) -> [String] {
        var head = ["\u{02}#\(ticket.id)\u{02} \(categoryText)" + (ticket.urgency == .high ? " \u{03}04●\u{0F} high" : "")]
        head.append(ticket.channel == .whatsapp ? "WhatsApp" : "email")
        head.append(ticket.lang ?? "und")
        head.append(who)
        if let contact { head.append(ContactMask.mask(contact)) }
        if let replyTo { head.append("Reply-To " + IRCSanitizer.singleLine(ContactMask.mask(.email(replyTo)))) }
        let quoted = "\"\(Self.cut(IRCSanitizer.singleLine(excerpt), limit: Self.excerptLimit))\""
        var tail = [quoted]
        if isUpdate {
            tail.append("customer wrote again")
        }
        if let owner = ticket.owner {
            tail.append("claimed by \(owner)")
        } else {
            if let owner = ticket.routedOwner { tail.append("owner: \(owner)") }
            tail.append("\(commandPrefix)claim \(ticket.id)")
        }
        tail.append(Self.age(from: ticket.createdAt, to: now))
        if let mention { tail.insert(mention + ":", at: 0) }
        let first = head.joined(separator: " · ")
        let second = tail.joined(separator: " · ")
        if first.utf8.count + second.utf8.count < 300 { return [first + " · " + second] }
        return [first, "     " + second]
    }

    var categoryText: String {
        guard let category = ticket.category else { return "untriaged" }
        if let confidence = ticket.confidence, confidence < lowConfidence {
            return "\(category.rawValue)? (\(String(format: "%.2f", confidence)))"
        }
        return category.rawValue
    }

    var who: String {
        guard let customer else { return "unknown customer" }
        let details = [customer.company, customer.plan].compactMap { $0 }.filter { !$0.isEmpty }
        let name = IRCSanitizer.singleLine(customer.name)
        return details.isEmpty ? name : "\(name) (\(IRCSanitizer.singleLine(details.joined(separator: ", "))))"
    }

    /// Cuts at a word boundary and marks the cut, so an excerpt never ends mid-word or mid-grapheme.
    public static func cut(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        let prefix = text.prefix(limit)
        let atWord = prefix.lastIndex(of: " ").map { prefix[..<$0] } ?? prefix
        return String(atWord.count > limit / 2 ? atWord : prefix) + "…"
    }

    public static func age(from start: Date, to now: Date) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(start)))
        switch seconds {
        case ..<60: return "just now"
        case ..<3600: return "\(seconds / 60)m"
        case ..<86_400: return "\(seconds / 3600)h \(seconds % 3600 / 60)m"
        default: return "\(seconds / 86_400)d"
        }
    }
}

/// One line standing in for many cards when a channel is flooded.
public enum CardSummary {
    public static func line(channel: String, counts: [Category: Int], commandPrefix: String = "!") -> String {
        let total = counts.values.reduce(0, +)
        let parts = counts.sorted { $0.value == $1.value ? $0.key.rawValue < $1.key.rawValue : $0.value > $1.value }
            .map { "\($0.value) \($0.key.rawValue)" }
        return "\(total) new in \(channel): \(parts.joined(separator: ", ")) — \(commandPrefix)queue to list"
    }
}
