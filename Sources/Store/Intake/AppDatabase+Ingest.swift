public import Desk
import Foundation
import GRDB

extension AppDatabase {
    /// Stores one inbound message, in one transaction: finds or creates the customer by contact, drops
    /// duplicates, finds the ticket the message belongs to (or opens one), inserts the message, updates
    /// the contact's WhatsApp window, and logs `received` (plus `triaged` when `triage` is given).
    /// When this returns, the message is durable and the provider may be acknowledged.
    ///
    /// Threading, first match wins:
    /// 1. `inReplyTo`, then `references` newest first, naming one of our outbound messages (any sender:
    ///    our Message-IDs are unguessable, so a colleague in CC joins the thread) or an earlier inbound
    ///    message of the same customer;
    /// 2. a `[#42]` subject tag, only for a ticket of the same customer (tags are guessable);
    /// 3. the customer's open ticket, whatever its channel (most recently updated);
    /// 4. a new ticket.
    ///
    /// A thread that leads to a closed ticket is not joined by steps 1–2; if the customer has no open
    /// ticket either, the message opens a new ticket linked (`linkedTicketID`) to that closed ticket —
    /// or, failing a thread match, to the customer's most recently closed ticket that was not
    /// `no_action` — and the receipt reports it as ``IngestReceipt/reopenCandidate``.
    ///
    /// - Parameter reopenWithin: the caller's reopen policy, applied in the same transaction. When the
    ///   candidate was closed at most this long ago, the message joins it and reopens it instead
    ///   (never for auto-replies or `no_action` messages). Nil only reports the candidate.
    public func ingest(
        _ inbound: InboundMessage, triage: TriageSummary?, reopenWithin: Duration? = nil
    ) async throws -> IngestOutcome {
        let now = self.now()
        return try await writer.write { db in
            try Self.ingest(db, inbound, triage: triage, reopenWithin: reopenWithin, now: now)
        }
    }

    static func ingest(
        _ db: Database, _ inbound: InboundMessage, triage: TriageSummary?, reopenWithin: Duration?, now: Date
    ) throws -> IngestOutcome {
        if let existing = try duplicate(db, of: inbound) {
            return .duplicate(ticketID: existing.ticketID)
        }

        // Customer.
        var contact: ContactRecord
        let isNewCustomer: Bool
        if let known = try ContactRecord.matching(inbound.contact).fetchOne(db) {
            contact = known
            isNewCustomer = false
        } else {
            var customer = CustomerRecord(
                id: nil, name: inbound.displayName ?? inbound.contact.value, createdAt: now, updatedAt: now
            )
            try customer.insert(db)
            contact = ContactRecord(
                id: nil, customerID: customer.id.persisted, kind: inbound.contact.kind, value: inbound.contact.value,
                lastInboundAt: nil, createdAt: now
            )
            try contact.insert(db)
            isNewCustomer = true
        }
        let customerID = contact.customerID

        // Ticket.
        var closedThread: (ticket: TicketRecord, match: ThreadMatch)?
        var joined: (ticket: TicketRecord, match: ThreadMatch)?
        if let threaded = try replyThread(db, inbound, customerID: customerID) {
            if threaded.state.isOpen { joined = (threaded, .reply) } else { closedThread = (threaded, .reply) }
        }
        if joined == nil, let tag = inbound.subject.flatMap(TicketReference.init(subject:)),
           let tagged = try TicketRecord.fetchOne(db, key: tag.id), tagged.customerID == customerID
        {
            if tagged.state.isOpen { joined = (tagged, .subjectTag) } else { closedThread = closedThread ?? (tagged, .subjectTag) }
        }
        if joined == nil, let open = try TicketRecord
            .filter(TicketRecord.Columns.customerID == customerID)
            .filter(TicketRecord.Columns.state != TicketState.closed.rawValue)
            .order(TicketRecord.Columns.updatedAt.desc, TicketRecord.Columns.id.desc)
            .fetchOne(db)
        {
            joined = (open, .openTicket)
        }

        var reopenCandidate: ClosedTicketRef?
        var reopened = false
        var ticket: TicketRecord
        var threadedBy: ThreadMatch
        var stateChange: (from: TicketState, to: TicketState)?
        if let joined {
            ticket = joined.ticket
            threadedBy = joined.match
        } else {
            let candidate = try closedThread?.ticket ?? TicketRecord
                .filter(TicketRecord.Columns.customerID == customerID)
                .filter(TicketRecord.Columns.state == TicketState.closed.rawValue)
                .filter(TicketRecord.Columns.category == nil || TicketRecord.Columns.category != Desk.Category.noAction.rawValue)
                .order(TicketRecord.Columns.closedAt.desc, TicketRecord.Columns.id.desc)
                .fetchOne(db)
            let mayReopen = !inbound.isAutoReply && triage?.category != .noAction
            if var candidate, let closedAt = candidate.closedAt, let reopenWithin, mayReopen,
               now.timeIntervalSince(closedAt) <= reopenWithin.timeInterval
            {
                let change = try transition(&candidate, .reopened, at: now)
                try log(db, ticketID: candidate.id, actor: TicketEvent.customer, kind: .reopened,
                        detail: ["from": change.from.rawValue, "to": change.to.rawValue, "by": "customer_message"], at: now)
                ticket = candidate
                threadedBy = closedThread?.match ?? .closedTicket
                reopened = true
            } else {
                if let candidate, let closedAt = candidate.closedAt {
                    reopenCandidate = ClosedTicketRef(ticketID: candidate.id.persisted, closedAt: closedAt)
                }
                ticket = TicketRecord(
                    id: nil, customerID: customerID, state: .new, category: nil, confidence: nil, urgency: .normal,
                    lang: nil, channel: inbound.channel, subject: inbound.subject, createdAt: now, updatedAt: now,
                    linkedTicketID: candidate?.id
                )
                try ticket.insert(db)
                threadedBy = .newTicket
            }
        }
        let isNewTicket = threadedBy == .newTicket
        let ticketID = ticket.id.persisted

        if !isNewTicket {
            let change = try transition(&ticket, .customerWrote, at: now)
            if change.from != change.to { stateChange = change }
        }
        if ticket.subject == nil { ticket.subject = inbound.subject }

        // Message.
        var message = MessageRecord(
            id: nil, ticketID: ticketID, direction: .inbound, channel: inbound.channel, providerID: inbound.providerID,
            emailMessageID: inbound.channel == .email ? inbound.providerID : nil, inReplyTo: inbound.inReplyTo,
            references: inbound.references, subject: inbound.subject, text: inbound.text,
            attachments: inbound.attachments, status: .received, errorCode: nil,
            providerTimestamp: inbound.providerTimestamp, receivedAt: now, author: inbound.displayName,
            isAutoReply: inbound.isAutoReply, category: triage?.category, confidence: triage?.confidence,
            urgency: triage?.urgency, lang: triage?.lang, customerID: customerID, sender: inbound.contact.value,
            replyTo: inbound.replyTo, businessNumber: inbound.businessNumber
        )
        try message.insert(db)
        let messageID = message.id.persisted

        // The 24-hour window runs from when the customer sent the message; a clock ahead of ours
        // must not stretch it, and an older message from a batch must not shrink it.
        if inbound.channel == .whatsapp {
            let sentAt = min(inbound.providerTimestamp ?? now, now)
            if contact.lastInboundAt.map({ $0 < sentAt }) ?? true {
                contact.lastInboundAt = sentAt
                try contact.update(db, columns: [ContactRecord.Columns.lastInboundAt])
            }
        }

        var received = [
            "message": String(messageID),
            "channel": inbound.channel.rawValue,
            "threaded_by": threadedBy.rawValue,
        ]
        if let stateChange {
            received["from"] = stateChange.from.rawValue
            received["to"] = stateChange.to.rawValue
        }
        if let reopenCandidate { received["reopen_candidate"] = String(reopenCandidate.ticketID) }
        if inbound.isAutoReply { received["auto_reply"] = "true" }
        try log(db, ticketID: ticketID, actor: TicketEvent.customer, kind: .received, detail: received, at: now)

        if let triage {
            // The ticket keeps the category it has (agents may have corrected it); a new ticket takes
            // the message's. Urgency only ever rises on its own.
            if ticket.category == nil {
                ticket.category = triage.category
                ticket.confidence = triage.confidence
            }
            if ticket.lang == nil || ticket.lang == "und" { ticket.lang = triage.lang }
            if triage.urgency == .high { ticket.urgency = .high }
            var detail = detail(of: triage)
            detail["message"] = String(messageID)
            if ticket.state == .new {
                let change = try transition(&ticket, .triaged, at: now)
                detail["from"] = change.from.rawValue
                detail["to"] = change.to.rawValue
            }
            try log(db, ticketID: ticketID, actor: TicketEvent.system, kind: .triaged, detail: detail, at: now)
        }
        ticket.updatedAt = now
        try ticket.update(db)

        return .stored(IngestReceipt(
            ticketID: ticketID, messageID: messageID, customerID: customerID, isNewTicket: isNewTicket,
            isNewCustomer: isNewCustomer, reopened: reopened, reopenCandidate: reopenCandidate,
            threadedBy: threadedBy, ticketState: ticket.state
        ))
    }

    /// The stored copy of this very message, if any: the same channel and provider id, and for email the
    /// same sender too. A Message-ID is chosen by whoever writes the mail, so on its own it would let a
    /// stranger send `<pat-1@kettle.example>` first and make Pat's real message a "duplicate"; a true
    /// redelivery comes from the same `From`. WhatsApp ids are the provider's, over a signed request.
    private static func duplicate(_ db: Database, of inbound: InboundMessage) throws -> MessageRecord? {
        var request = MessageRecord
            .filter(MessageRecord.Columns.channel == inbound.channel.rawValue)
            .filter(MessageRecord.Columns.direction == Direction.inbound.rawValue)
            .filter(MessageRecord.Columns.providerID == inbound.providerID)
        if inbound.channel == .email {
            request = request.filter(MessageRecord.Columns.sender == inbound.contact.value)
        }
        return try request.fetchOne(db)
    }

    /// Step 1 of threading: the newest message id named by `In-Reply-To`/`References` that we know.
    private static func replyThread(_ db: Database, _ inbound: InboundMessage, customerID: Int64) throws -> TicketRecord? {
        var ids: [String] = []
        if let inReplyTo = inbound.inReplyTo { ids.append(inReplyTo) }
        ids.append(contentsOf: inbound.references.reversed())
        for id in ids {
            let rows = try Row.fetchAll(db, sql: """
                SELECT m.ticket_id, m.direction, t.customer_id
                FROM messages m JOIN tickets t ON t.id = m.ticket_id
                WHERE m.provider_id = ? OR m.email_message_id = ?
                ORDER BY m.direction = 'out' DESC, m.id DESC
                """, arguments: [id, id])
            for row in rows {
                let direction: String = row["direction"]
                let owner: Int64 = row["customer_id"]
                guard direction == Direction.outbound.rawValue || owner == customerID else { continue }
                return try fetchTicket(db, id: row["ticket_id"])
            }
        }
        return nil
    }
}
