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
    ///
    /// - Parameter rules: routes, times or closes the ticket in the same transaction (see
    ///   ``IntakeRules``); the receipt then carries the ticket, its customer and the plan.
    public func ingest(
        _ inbound: InboundMessage, triage: TriageSummary?, reopenWithin: Duration? = nil, rules: IntakeRules? = nil
    ) async throws -> IngestOutcome {
        let now = self.now()
        return try await writer.write { db in
            try Self.ingest(db, inbound, triage: triage, reopenWithin: reopenWithin, rules: rules, now: now)
        }
    }

    /// Group commit: stores every message of `batch` in one transaction, each in its own savepoint, so
    /// one message that fails (and only that one) is rolled back while the others commit together with
    /// one fsync. The results are in the order of `batch`, and are all committed when this returns;
    /// when the commit itself fails, this throws and nothing of the batch was stored.
    public func ingest(
        batch: [IngestRequest], reopenWithin: Duration? = nil, rules: IntakeRules? = nil
    ) async throws -> [Result<IngestOutcome, any Error>] {
        let now = self.now()
        return try await writer.write { db in
            batch.map { request in
                Result {
                    var outcome: IngestOutcome?
                    try db.inSavepoint {
                        outcome = try Self.ingest(db, request.message, triage: request.triage, reopenWithin: reopenWithin,
                                                  rules: rules, now: now)
                        return .commit
                    }
                    return outcome!
                }
            }
        }
    }

    static func ingest(
        _ db: Database, _ inbound: InboundMessage, triage: TriageSummary?, reopenWithin: Duration?, rules: IntakeRules? = nil,
        now: Date
    ) throws -> IngestOutcome {
        if let existing = try duplicate(db, of: inbound) {
            return .duplicate(ticketID: existing.ticketID)
        }

        // Customer.
        var contact: ContactRecord
        let isNewCustomer: Bool
        var newCustomer: CustomerRecord?
        if let known = try ContactRecord.matching(inbound.contact).fetchOne(db) {
            contact = known
            isNewCustomer = false
        } else {
            var customer = CustomerRecord(
                id: nil, name: inbound.displayName ?? inbound.contact.value, createdAt: now, updatedAt: now
            )
            try customer.insert(db)
            newCustomer = customer
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
        // A customer created a moment ago has no tickets to look for.
        if joined == nil, !isNewCustomer, let open = try TicketRecord
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
            let candidate = try closedThread?.ticket ?? (isNewCustomer ? nil : TicketRecord
                .filter(TicketRecord.Columns.customerID == customerID)
                .filter(TicketRecord.Columns.state == TicketState.closed.rawValue)
                .filter(TicketRecord.Columns.category == nil || TicketRecord.Columns.category != Desk.Category.noAction.rawValue)
                .order(TicketRecord.Columns.closedAt.desc, TicketRecord.Columns.id.desc)
                .fetchOne(db))
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

        var receipt = IngestReceipt(
            ticketID: ticketID, messageID: messageID, customerID: customerID, isNewTicket: isNewTicket,
            isNewCustomer: isNewCustomer, reopened: reopened, reopenCandidate: reopenCandidate,
            threadedBy: threadedBy, ticketState: ticket.state
        )
        if let rules {
            try carryOut(rules, on: &ticket, for: inbound, customer: newCustomer, receipt: &receipt, db, now: now)
        }
        return .stored(receipt)
    }

    /// Plans with `rules` and carries the plan out on the ticket, in the caller's transaction.
    private static func carryOut(
        _ rules: IntakeRules, on ticket: inout TicketRecord, for inbound: InboundMessage, customer newCustomer: CustomerRecord?,
        receipt: inout IngestReceipt, _ db: Database, now: Date
    ) throws {
        let customer = try (newCustomer ?? CustomerRecord.fetchOne(db, key: receipt.customerID))?.customer
        let lastReply = receipt.isNewTicket && !receipt.isNewCustomer ? try lastReplyAt(db, customerID: receipt.customerID) : nil
        let plan = rules.plan(for: IntakeFacts(
            ticket: ticket.ticket, customer: customer, message: inbound, isNewTicket: receipt.isNewTicket,
            lastReplyToCustomer: lastReply, now: now))
        switch plan {
        case .route(let decision, _):
            try record(decision, on: &ticket, db, actor: TicketEvent.system, at: now, extra: ["intake": rules.origin])
        case .close(let resolution):
            try apply(.closed(resolution: resolution), to: &ticket, db, actor: TicketEvent.system, at: now)
        case .followOn:
            break
        }
        for timer in plan.timers {
            // A ticket opened in this transaction has no earlier timers to replace.
            _ = try scheduleTimer(db, ticketID: ticket.id.persisted, kind: timer.kind, dueAt: timer.dueAt,
                                  replacing: !receipt.isNewTicket, now: now)
        }
        receipt.ticket = ticket.ticket
        receipt.ticketState = ticket.state
        receipt.customer = customer
        receipt.plan = plan
    }

    /// The stored copy of this very message, if any: the same channel and provider id, and for email the
    /// same sender too. A Message-ID is chosen by whoever writes the mail, so on its own it would let a
    /// stranger send `<pat-1@kettle.example>` first and make Pat's real message a "duplicate"; a true
    /// redelivery comes from the same `From`. WhatsApp ids are the provider's, over a signed request.
    private static func duplicate(_ db: Database, of inbound: InboundMessage) throws -> MessageRecord? {
        // Each case names its unique index's own condition, so SQLite can prove the partial index
        // applies (with bound values alone it cannot, and scans the table).
        let request = inbound.channel == .email
            ? MessageRecord.filter(sql: MessageRecord.inboundEmailCondition)
                .filter(MessageRecord.Columns.providerID == inbound.providerID)
                .filter(MessageRecord.Columns.sender == inbound.contact.value)
            : MessageRecord.filter(sql: MessageRecord.providerIDCondition)
                .filter(MessageRecord.Columns.channel == inbound.channel.rawValue)
                .filter(MessageRecord.Columns.direction == Direction.inbound.rawValue)
                .filter(MessageRecord.Columns.providerID == inbound.providerID)
        return try request.fetchOne(db)
    }

    /// Step 1 of threading: the newest message id named by `In-Reply-To`/`References` that we know.
    /// Every email row, ours or the customer's, keeps its Message-ID in `email_message_id` (indexed).
    private static func replyThread(_ db: Database, _ inbound: InboundMessage, customerID: Int64) throws -> TicketRecord? {
        var ids: [String] = []
        if let inReplyTo = inbound.inReplyTo { ids.append(inReplyTo) }
        ids.append(contentsOf: inbound.references.reversed())
        for id in ids {
            let rows = try Row.fetchAll(db, sql: """
                SELECT m.ticket_id, m.direction, t.customer_id
                FROM messages m JOIN tickets t ON t.id = m.ticket_id
                WHERE m.email_message_id = ?
                ORDER BY m.direction = 'out' DESC, m.id DESC
                """, arguments: [id])
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
