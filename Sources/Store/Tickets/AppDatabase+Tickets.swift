public import Desk
public import Foundation
import GRDB

extension AppDatabase {
    public func ticket(id: Int64) async throws -> Ticket? {
        try await reader.read { db in try TicketRecord.fetchOne(db, key: id)?.ticket }
    }

    /// A customer's tickets, newest first.
    public func tickets(customerID: Int64) async throws -> [Ticket] {
        try await reader.read { db in
            try TicketRecord
                .filter(TicketRecord.Columns.customerID == customerID)
                .order(TicketRecord.Columns.id.desc)
                .fetchAll(db)
                .map(\.ticket)
        }
    }

    /// Applies a lifecycle event (`claim`, `close`, `reopen`, …) and logs it, in one transaction.
    /// - Throws: ``LifecycleError`` with a reason for the agent when the state machine refuses;
    ///   ``StoreError`` when the ticket does not exist.
    public func apply(_ event: LifecycleEvent, toTicket ticketID: Int64, actor: String) async throws -> Ticket {
        let now = self.now()
        return try await writer.write { db in
            var ticket = try Self.fetchTicket(db, id: ticketID)
            try Self.apply(event, to: &ticket, db, actor: actor, at: now)
            return ticket.ticket
        }
    }

    /// Moves a loaded ticket through the state machine, saves it and logs the event with its change.
    static func apply(_ event: LifecycleEvent, to ticket: inout TicketRecord, _ db: Database, actor: String, at now: Date) throws {
        let change = try transition(&ticket, event, at: now)
        try ticket.update(db)
        var detail = ["from": change.from.rawValue, "to": change.to.rawValue]
        switch event {
        case .claimed(let agent), .assigned(let agent): detail["owner"] = agent
        case .closed(let resolution): if let resolution { detail["resolution"] = resolution }
        default: break
        }
        try log(db, ticketID: ticket.id, actor: actor, kind: EventKind(rawValue: event.name), detail: detail, at: now)
    }

    /// Records where routing sent the ticket (channel, team, owner, rule) and logs the decision, so
    /// every ticket has an answer to "who was supposed to handle this?".
    public func route(ticketID: Int64, decision: RouteDecision, actor: String = TicketEvent.system) async throws -> Ticket {
        let now = self.now()
        return try await writer.write { db in
            var ticket = try Self.fetchTicket(db, id: ticketID)
            try Self.record(decision, on: &ticket, db, actor: actor, at: now)
            return ticket.ticket
        }
    }

    /// Saves the route on the ticket and logs `routed` with the rule that matched; `extra` joins the
    /// event's detail (the intake that routed it).
    static func record(_ decision: RouteDecision, on ticket: inout TicketRecord, _ db: Database, actor: String, at now: Date,
                       extra: [String: String] = [:]) throws {
        ticket.routeRule = decision.rule
        ticket.routeChannel = decision.channel
        ticket.team = decision.team
        ticket.routedOwner = decision.owner
        ticket.updatedAt = now
        try ticket.update(db)
        var detail = extra.merging(["rule": decision.rule, "channel": decision.channel]) { _, new in new }
        if let team = decision.team { detail["team"] = team }
        if let owner = decision.owner { detail["owner"] = owner }
        if !decision.cc.isEmpty { detail["cc"] = decision.cc.joined(separator: ",") }
        if decision.mention { detail["mention"] = "true" }
        try log(db, ticketID: ticket.id, actor: actor, kind: .routed, detail: detail, at: now)
    }

    /// `tag N CATEGORY`: changes the ticket's category, logs it, and records a correction for triage
    /// learning with the text of the ticket's latest inbound message — all or nothing.
    public func retag(ticketID: Int64, category: Desk.Category, actor: String) async throws -> Ticket {
        let now = self.now()
        return try await writer.write { db in
            var ticket = try Self.fetchTicket(db, id: ticketID)
            let previous = ticket.category
            ticket.category = category
            // A person decided it; certainty, not a model score.
            ticket.confidence = 1
            ticket.updatedAt = now
            try ticket.update(db)
            try Self.log(db, ticketID: ticketID, actor: actor, kind: .tagged,
                         detail: ["from": previous?.rawValue ?? "", "to": category.rawValue], at: now)
            if let message = try MessageRecord
                .filter(MessageRecord.Columns.ticketID == ticketID)
                .filter(MessageRecord.Columns.direction == Direction.inbound.rawValue)
                .order(sql: MessageRecord.conversationOrder + " DESC")
                .fetchOne(db), !message.text.isEmpty
            {
                var correction = CorrectionRecord(
                    id: nil, text: message.text, category: category, lang: message.lang ?? ticket.lang,
                    channel: message.channel, actor: actor, at: now, ticketID: ticketID, messageID: message.id
                )
                try correction.insert(db)
            }
            return ticket.ticket
        }
    }

    /// `urgent N` (or lowering it again).
    public func setUrgency(ticketID: Int64, urgency: Urgency, actor: String) async throws -> Ticket {
        let now = self.now()
        return try await writer.write { db in
            var ticket = try Self.fetchTicket(db, id: ticketID)
            let previous = ticket.urgency
            ticket.urgency = urgency
            ticket.updatedAt = now
            try ticket.update(db)
            try Self.log(db, ticketID: ticketID, actor: actor, kind: .urgent,
                         detail: ["from": previous.rawValue, "to": urgency.rawValue], at: now)
            return ticket.ticket
        }
    }

    /// `note N TEXT`: an internal note, visible in history, never sent.
    public func addNote(ticketID: Int64, text: String, actor: String) async throws -> TicketEvent {
        try await appendEvent(ticketID: ticketID, actor: actor, kind: .noted, detail: ["text": text])
    }

    /// Appends any event (drafted, followed_up, …) to a ticket's log.
    public func appendEvent(ticketID: Int64?, actor: String, kind: EventKind, detail: [String: String] = [:]) async throws -> TicketEvent {
        let now = self.now()
        return try await writer.write { db in
            if let ticketID { _ = try Self.fetchTicket(db, id: ticketID) }
            return try Self.log(db, ticketID: ticketID, actor: actor, kind: kind, detail: detail, at: now).event
        }
    }

    /// A ticket's event log, oldest first.
    public func history(ticketID: Int64) async throws -> [TicketEvent] {
        try await reader.read { db in
            try EventRecord
                .filter(EventRecord.Columns.ticketID == ticketID)
                .order(EventRecord.Columns.id)
                .fetchAll(db)
                .map(\.event)
        }
    }

    /// Events of any ticket since a time, oldest first (analytics, `report --since`).
    public func events(since: Date, kinds: [EventKind]? = nil) async throws -> [TicketEvent] {
        try await reader.read { db in
            var request = EventRecord.filter(EventRecord.Columns.at >= since)
            if let kinds { request = request.filter(kinds.map(\.rawValue).contains(EventRecord.Columns.kind)) }
            return try request.order(EventRecord.Columns.id).fetchAll(db).map(\.event)
        }
    }

    /// A ticket's messages in conversation order: by the provider's timestamp when there is one (so a
    /// late webhook does not reorder the chat), else by when we stored it.
    public func messages(ticketID: Int64) async throws -> [Message] {
        try await reader.read { db in
            try MessageRecord
                .filter(MessageRecord.Columns.ticketID == ticketID)
                .order(sql: MessageRecord.conversationOrder)
                .fetchAll(db)
                .map(\.message)
        }
    }

    public func message(id: Int64) async throws -> Message? {
        try await reader.read { db in try MessageRecord.fetchOne(db, key: id)?.message }
    }

    /// Open tickets for `queue`: high urgency first, then oldest first, so nothing waits forever behind
    /// newer mail. Page with `offset` for `more`.
    public func queue(_ filter: QueueFilter, limit: Int = 10, offset: Int = 0) async throws -> [TicketSummary] {
        try await reader.read { db in
            var conditions = ["t.state <> 'closed'"]
            var arguments: StatementArguments = []
            switch filter {
            case .all:
                break
            case .mine(let account):
                conditions.append("(t.owner = ? OR (t.owner IS NULL AND t.routed_owner = ?))")
                arguments += [account, account]
            case .category(let category):
                conditions.append("t.category = ?")
                arguments += [category.rawValue]
            case .team(let team):
                conditions.append("t.team = ?")
                arguments += [team]
            case .urgent:
                conditions.append("(t.urgency = 'high' OR t.category = 'churn_risk')")
            }
            arguments += [limit, offset]
            let rows = try Row.fetchAll(db, sql: """
                SELECT t.*,
                       c.name AS customer_name, c.plan AS customer_plan,
                       (SELECT COUNT(*) FROM messages m WHERE m.ticket_id = t.id) AS message_count,
                       (SELECT m.text FROM messages m WHERE m.ticket_id = t.id AND m.direction = 'in'
                        ORDER BY COALESCE(m.provider_timestamp, m.received_at) DESC, m.id DESC LIMIT 1) AS last_text,
                       (SELECT MAX(m.received_at) FROM messages m WHERE m.ticket_id = t.id AND m.direction = 'in') AS last_at
                FROM tickets t JOIN customers c ON c.id = t.customer_id
                WHERE \(conditions.joined(separator: " AND "))
                ORDER BY t.urgency = 'high' DESC, t.created_at, t.id
                LIMIT ? OFFSET ?
                """, arguments: arguments)
            return try rows.map { row in
                TicketSummary(
                    ticket: try TicketRecord(row: row).ticket,
                    customerName: row["customer_name"],
                    customerPlan: row["customer_plan"],
                    messageCount: row["message_count"],
                    lastInboundText: row["last_text"],
                    lastInboundAt: row["last_at"]
                )
            }
        }
    }

    /// Counts of open tickets per state and category (`stats`, `/metrics`).
    public func openTicketCounts() async throws -> [TicketState: [String: Int]] {
        try await reader.read { db in
            var counts: [TicketState: [String: Int]] = [:]
            let rows = try Row.fetchAll(db, sql: """
                SELECT state, COALESCE(category, 'untriaged') AS category, COUNT(*) AS n
                FROM tickets WHERE state <> 'closed' GROUP BY state, category
                """)
            for row in rows {
                guard let state = TicketState(rawValue: row["state"]) else { continue }
                counts[state, default: [:]][row["category"]] = row["n"]
            }
            return counts
        }
    }
}
