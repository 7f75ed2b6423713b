public import Desk
public import Foundation
import GRDB

/// The outbox, honouring the exactly-once rule:
/// 1. ``enqueueOutbound(_:lifecycle:)`` commits the message and its outbox row before any attempt;
/// 2. ``claimNextOutbox(channel:)`` marks a due row `in_flight` and commits *before* the request is
///    written;
/// 3. ``recordOutboxResult(id:_:)`` records what happened: sent, retry later, failed, or unknown;
/// 4. ``recoverInFlightOutbox()`` runs at startup and turns rows left `in_flight` by a crash into
///    `unknown`. Nothing here ever moves a row from `in_flight` or `unknown` back to `pending`; only
///    ``resolveOutbox(id:decision:actor:)``, called for a person, can.
extension AppDatabase {
    /// Commits an outbound message and its outbox row, optionally with the lifecycle step it implies
    /// (`.replied` for an answer, `.closed(resolution:)` for a closing confirmation), all at once.
    /// - Throws: ``LifecycleError`` if the step is refused (nothing is queued then).
    public func enqueueOutbound(_ draft: OutboundDraft, lifecycle: LifecycleEvent? = .replied) async throws -> OutboxItem {
        guard (try? JSONSerialization.jsonObject(with: draft.payload, options: [.fragmentsAllowed])) != nil,
              let payload = String(data: draft.payload, encoding: .utf8)
        else { throw StoreError(.invalidPayload) }
        let now = self.now()
        return try await writer.write { db in
            var ticket = try Self.fetchTicket(db, id: draft.ticketID)
            var message = MessageRecord(
                id: nil, ticketID: draft.ticketID, direction: .outbound, channel: draft.channel,
                providerID: draft.channel == .email ? draft.emailMessageID : nil,
                emailMessageID: draft.emailMessageID, inReplyTo: draft.inReplyTo, references: draft.references,
                subject: draft.subject, text: draft.text, attachments: draft.attachments, status: .queued,
                errorCode: nil, providerTimestamp: nil, receivedAt: now, author: draft.author, isAutoReply: false,
                category: nil, confidence: nil, urgency: nil, lang: nil, customerID: ticket.customerID
            )
            try message.insert(db)
            var item = OutboxRecord(
                id: nil, messageID: message.id.persisted, ticketID: draft.ticketID, channel: draft.channel,
                payload: payload, state: .pending, attempts: 0, nextAttemptAt: now, lastError: nil,
                createdAt: now, updatedAt: now
            )
            try item.insert(db)
            try Self.log(db, ticketID: draft.ticketID, actor: draft.author, kind: .queued, detail: [
                "message": String(message.id.persisted), "outbox": String(item.id.persisted), "channel": draft.channel.rawValue,
            ], at: now)
            if let lifecycle {
                let change = try Self.transition(&ticket, lifecycle, at: now)
                var detail = ["from": change.from.rawValue, "to": change.to.rawValue, "message": String(message.id.persisted)]
                if case .closed(let resolution?) = lifecycle { detail["resolution"] = resolution }
                try Self.log(db, ticketID: draft.ticketID, actor: draft.author, kind: EventKind(rawValue: lifecycle.name), detail: detail, at: now)
            } else {
                ticket.updatedAt = now
            }
            try ticket.update(db)
            return item.item
        }
    }

    /// Takes the next due `pending` row (oldest due first) and commits it as `in_flight` before
    /// returning it. The caller then writes the request, and must report back with
    /// ``recordOutboxResult(id:_:)``.
    public func claimNextOutbox(channel: Channel? = nil) async throws -> OutboxItem? {
        let now = self.now()
        return try await writer.write { db in
            var request = OutboxRecord
                .filter(OutboxRecord.Columns.state == OutboxState.pending.rawValue)
                .filter(OutboxRecord.Columns.nextAttemptAt <= now)
            if let channel { request = request.filter(OutboxRecord.Columns.channel == channel.rawValue) }
            guard var item = try request.order(OutboxRecord.Columns.nextAttemptAt, OutboxRecord.Columns.id).fetchOne(db)
            else { return nil }
            item.state = .inFlight
            item.attempts += 1
            item.updatedAt = now
            try item.update(db)
            return item.item
        }
    }

    /// When the next `pending` row falls due, so a worker can sleep until then.
    public func nextOutboxDue(channel: Channel? = nil) async throws -> Date? {
        try await reader.read { db in
            var request = OutboxRecord.filter(OutboxRecord.Columns.state == OutboxState.pending.rawValue)
            if let channel { request = request.filter(OutboxRecord.Columns.channel == channel.rawValue) }
            return try request.select(min(OutboxRecord.Columns.nextAttemptAt), as: Date.self).fetchOne(db)
        }
    }

    /// Records the outcome of the attempt on an `in_flight` row, updating the message's status and the
    /// log. A retryable failure goes back to `pending` after ``backoff``, or to `failed` once the
    /// attempts are used up.
    public func recordOutboxResult(id: Int64, _ result: OutboxResult) async throws -> OutboxItem {
        let now = self.now()
        let backoff = self.backoff
        return try await writer.write { db in
            var item = try Self.fetchOutbox(db, id: id)
            guard item.state == .inFlight else {
                throw StoreError(.outboxWrongState(id: id, state: item.state.rawValue, expected: OutboxState.inFlight.rawValue))
            }
            var message = try Self.fetchMessage(db, id: item.messageID)
            var detail = ["message": String(item.messageID), "outbox": String(id), "attempt": String(item.attempts)]
            let kind: EventKind
            switch result {
            case .sent(let providerID):
                item.state = .sent
                item.lastError = nil
                if let providerID { message.providerID = providerID; detail["provider_id"] = providerID }
                message.status = message.status.merging(.sent)
                message.errorCode = nil
                kind = .sent
            case .retryable(let error, let retryAfter):
                item.lastError = error
                detail["error"] = error
                if backoff.allowsRetry(afterAttempts: item.attempts) {
                    let delay = backoff.delay(afterAttempt: item.attempts, retryAfter: retryAfter)
                    item.state = .pending
                    item.nextAttemptAt = now.addingTimeInterval(delay.timeInterval)
                    detail["next_attempt_at"] = Timestamp.rfc3339(item.nextAttemptAt)
                    kind = .retrying
                } else {
                    item.state = .failed
                    message.status = .failed
                    detail["gave_up"] = "after \(item.attempts) attempts"
                    kind = .failed
                }
            case .failed(let error, let code):
                item.state = .failed
                item.lastError = error
                message.status = .failed
                message.errorCode = code
                detail["error"] = error
                if let code { detail["code"] = code }
                kind = .failed
            case .unknown(let error):
                item.state = .unknown
                item.lastError = error
                message.status = .unknown
                detail["error"] = error
                kind = .unknown
            }
            item.updatedAt = now
            try item.update(db)
            try message.update(db)
            try Self.log(db, ticketID: item.ticketID, actor: TicketEvent.system, kind: kind, detail: detail, at: now)
            return item.item
        }
    }

    /// Run once at startup, before any outbox worker: every row still `in_flight` belonged to a process
    /// that died mid-attempt, so its request may have reached the provider. They become `unknown` (and
    /// their messages too) and are returned so the team can be told. They are never resent on their own.
    public func recoverInFlightOutbox() async throws -> [OutboxItem] {
        let now = self.now()
        return try await writer.write { db in
            let stranded = try OutboxRecord.filter(OutboxRecord.Columns.state == OutboxState.inFlight.rawValue).fetchAll(db)
            var recovered: [OutboxItem] = []
            for var item in stranded {
                item.state = .unknown
                item.lastError = "interrupted: Switchboard stopped during the attempt; the provider may have the message"
                item.updatedAt = now
                try item.update(db)
                var message = try Self.fetchMessage(db, id: item.messageID)
                message.status = .unknown
                try message.update(db)
                try Self.log(db, ticketID: item.ticketID, actor: TicketEvent.system, kind: .unknown, detail: [
                    "message": String(item.messageID), "outbox": String(item.id.persisted), "reason": "restart",
                ], at: now)
                recovered.append(item.item)
            }
            return recovered
        }
    }

    /// A person's decision about an `unknown` (or `failed`) send. `.resend` is the only way a row goes
    /// back to `pending` after an uncertain attempt.
    public func resolveOutbox(id: Int64, decision: UnknownSendDecision, actor: String) async throws -> OutboxItem {
        let now = self.now()
        return try await writer.write { db in
            var item = try Self.fetchOutbox(db, id: id)
            guard item.state == .unknown || item.state == .failed else {
                throw StoreError(.outboxWrongState(id: id, state: item.state.rawValue, expected: "unknown or failed"))
            }
            var message = try Self.fetchMessage(db, id: item.messageID)
            var detail = ["message": String(item.messageID), "outbox": String(id)]
            switch decision {
            case .resend:
                item.state = .pending
                item.nextAttemptAt = now
                message.status = .queued
                message.errorCode = nil
                detail["decision"] = "resend"
            case .markSent(let providerID):
                item.state = .sent
                if let providerID { message.providerID = providerID }
                message.status = .sent
                detail["decision"] = "mark_sent"
            case .abandon:
                item.state = .failed
                message.status = .failed
                detail["decision"] = "abandon"
            }
            item.updatedAt = now
            try item.update(db)
            try message.update(db)
            try Self.log(db, ticketID: item.ticketID, actor: actor, kind: .resolved, detail: detail, at: now)
            return item.item
        }
    }

    /// Outbox rows in the given states, oldest first (e.g. `[.unknown, .failed]` for the agents).
    public func outboxItems(states: [OutboxState]) async throws -> [OutboxItem] {
        try await reader.read { db in
            try OutboxRecord
                .filter(states.map(\.rawValue).contains(OutboxRecord.Columns.state))
                .order(OutboxRecord.Columns.id)
                .fetchAll(db)
                .map(\.item)
        }
    }

    /// How many outbox rows are in the given states, for the metrics gauges.
    public func outboxCount(states: [OutboxState]) async throws -> Int {
        try await reader.read { db in
            try OutboxRecord.filter(states.map(\.rawValue).contains(OutboxRecord.Columns.state)).fetchCount(db)
        }
    }

    /// Applies a provider status callback (Twilio `MessageStatus`, Meta `statuses[]`) to the outbound
    /// message with that provider id. Callbacks arrive out of order, so status only moves forward, in
    /// ``DeliveryStatus``'s order: `failed` applies unless delivery was already confirmed, and a late
    /// `sent` undoes neither `failed` nor `read`.
    /// - Returns: the message after the update, or nil when no outbound message has that provider id.
    @discardableResult
    public func recordDeliveryStatus(
        channel: Channel, providerID: String, status: DeliveryStatus, errorCode: String? = nil
    ) async throws -> Message? {
        try await updateDeliveryStatus(channel: channel, providerID: providerID, status: status, errorCode: errorCode)?.message
    }

    /// Like `recordDeliveryStatus`, and also says whether the status moved, so that a repeated or late
    /// callback is not announced twice.
    public func updateDeliveryStatus(
        channel: Channel, providerID: String, status: DeliveryStatus, errorCode: String? = nil
    ) async throws -> DeliveryUpdate? {
        let now = self.now()
        return try await writer.write { db in
            guard var message = try MessageRecord
                .filter(sql: MessageRecord.providerIDCondition)
                .filter(MessageRecord.Columns.channel == channel.rawValue)
                .filter(MessageRecord.Columns.direction == Direction.outbound.rawValue)
                .filter(MessageRecord.Columns.providerID == providerID)
                .fetchOne(db)
            else { return nil }
            guard message.status.isSuperseded(by: status) else { return DeliveryUpdate(message: message.message, changed: false) }
            message.status = status
            if status == .failed { message.errorCode = errorCode }
            try message.update(db)
            if status != .sent {
                var detail = ["message": String(message.id.persisted), "provider_id": providerID]
                if let errorCode { detail["code"] = errorCode }
                try Self.log(db, ticketID: message.ticketID, actor: TicketEvent.system, kind: EventKind(rawValue: status.rawValue), detail: detail, at: now)
            }
            return DeliveryUpdate(message: message.message, changed: true)
        }
    }

    static func fetchOutbox(_ db: Database, id: Int64) throws -> OutboxRecord {
        guard let item = try OutboxRecord.fetchOne(db, key: id) else { throw StoreError(.outboxNotFound(id)) }
        return item
    }

    static func fetchMessage(_ db: Database, id: Int64) throws -> MessageRecord {
        guard let message = try MessageRecord.fetchOne(db, key: id) else { throw StoreError(.messageNotFound(id)) }
        return message
    }
}
