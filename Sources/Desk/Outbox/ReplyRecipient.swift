/// Where a reply to a ticket goes, and why. The one place that decides it, so no send path can fall
/// back to an address a stranger typed.
///
/// The reply answers the ticket's customer's latest message on the ticket's channel (a colleague's
/// message in CC does not redirect it). It goes to that message's sender (`From`), to its `Reply-To`
/// only when that address belongs to the same customer, or to the `Reply-To` when an agent asked for it
/// (`send N --to reply-to`), which the caller logs. A ticket whose messages predate sender tracking is
/// answered at the customer's first address of the channel, as before.
public struct ReplyRecipient: Sendable, Hashable {
    public enum Reason: String, Sendable, Hashable {
        /// The sender of the customer's latest message.
        case sender
        /// That message's Reply-To, an address of the same customer.
        case replyToSameCustomer = "reply_to_same_customer"
        /// That message's Reply-To, chosen by an agent.
        case replyToChosen = "reply_to_chosen"
        /// The customer's first address of the channel (no sender was recorded).
        case firstContact = "first_contact"
    }

    public enum Problem: Error, Sendable, Hashable {
        /// The agent asked for the Reply-To, and the message has none.
        case noReplyTo
        /// The customer has no address on the ticket's channel.
        case noAddress
    }

    public var address: String
    public var reason: Reason
    /// The message being answered, if any.
    public var answering: Message?

    /// - Parameters:
    ///   - messages: the ticket's messages in conversation order.
    ///   - contacts: the ticket's customer's addresses.
    ///   - replyToOwner: the customer who owns the Reply-To of ``latestFromCustomer(ticket:messages:)``,
    ///     if anyone does (the caller looks the address up among contacts).
    ///   - agentChoseReplyTo: `send N --to reply-to`.
    public static func choose(
        ticket: Ticket, messages: [Message], contacts: [Contact], replyToOwner: Int64?, agentChoseReplyTo: Bool = false
    ) -> Result<ReplyRecipient, Problem> {
        let answering = latestFromCustomer(ticket: ticket, messages: messages)
        if agentChoseReplyTo {
            guard let replyTo = answering?.replyTo else { return .failure(.noReplyTo) }
            return .success(ReplyRecipient(address: replyTo, reason: .replyToChosen, answering: answering))
        }
        if let replyTo = answering?.replyTo, replyToOwner == ticket.customerID {
            return .success(ReplyRecipient(address: replyTo, reason: .replyToSameCustomer, answering: answering))
        }
        if let sender = answering?.sender {
            return .success(ReplyRecipient(address: sender, reason: .sender, answering: answering))
        }
        let wanted: Set<ContactKind> = ticket.channel == .whatsapp ? [.phone, .whatsapp] : [.email]
        guard let contact = contacts.first(where: { wanted.contains($0.key.kind) }) else { return .failure(.noAddress) }
        return .success(ReplyRecipient(address: contact.key.value, reason: .firstContact, answering: answering))
    }

    /// The ticket's customer's latest inbound message on the ticket's channel. Rows without an author
    /// are the customer's (they predate authors).
    public static func latestFromCustomer(ticket: Ticket, messages: [Message]) -> Message? {
        messages.last { message in
            message.direction == .inbound && message.channel == ticket.channel
                && (message.customerID ?? ticket.customerID) == ticket.customerID
        }
    }
}
