/// Why an inbound message joined the ticket it joined. Email threading tries these in order:
/// a reply to one of our messages, then a `[#42]` subject tag, then the sender's open ticket.
public enum ThreadMatch: String, Sendable, Hashable, Codable {
    /// `In-Reply-To`/`References` (or WhatsApp's reply context) named one of our outbound messages.
    case reply
    /// The subject carried `[#42]` for a ticket of this customer.
    case subjectTag = "subject_tag"
    /// The customer's open ticket, whatever its channel.
    case openTicket = "open_ticket"
    /// The customer's most recently closed ticket, reopened under the caller's reopen window.
    case closedTicket = "closed_ticket"
    /// Nothing matched; a new ticket was opened.
    case newTicket = "new_ticket"
}
