import Desk
import Foundation
import GRDB

extension AppDatabase {
    /// Applies a lifecycle event to a loaded ticket (state, holder, closing fields) without saving it.
    /// Every state change in the store goes through here, so the state machine in Desk is the only
    /// authority on what is allowed.
    @discardableResult
    static func transition(_ ticket: inout TicketRecord, _ event: LifecycleEvent, at now: Date) throws -> (from: TicketState, to: TicketState) {
        let from = ticket.state
        let to = try TicketLifecycle.transition(from: from, event: event, ticketID: ticket.id, owner: ticket.owner)
        ticket.state = to
        ticket.updatedAt = now
        switch event {
        case .claimed(let agent), .assigned(let agent):
            ticket.owner = agent
        case .unclaimed:
            ticket.owner = nil
        case .closed(let resolution):
            ticket.closedAt = now
            ticket.resolution = resolution
        case .reopened:
            ticket.closedAt = nil
            ticket.resolution = nil
        case .triaged, .replied, .customerWrote:
            break
        }
        return (from, to)
    }

    /// Appends one entry to the event log.
    @discardableResult
    static func log(
        _ db: Database, ticketID: Int64?, actor: String, kind: EventKind, detail: [String: String] = [:], at now: Date
    ) throws -> EventRecord {
        var record = EventRecord(id: nil, ticketID: ticketID, actor: actor, kind: kind, detail: detail, at: now)
        try record.insert(db)
        return record
    }

    static func fetchTicket(_ db: Database, id: Int64) throws -> TicketRecord {
        guard let ticket = try TicketRecord.fetchOne(db, key: id) else { throw StoreError(.ticketNotFound(id)) }
        return ticket
    }

    /// The event-log detail of a triage result. Scores are kept as text (`0.8123`) because the detail
    /// is a flat string map; analytics parse them back when needed.
    static func detail(of triage: TriageSummary) -> [String: String] {
        var detail = [
            "category": triage.category.rawValue,
            "confidence": format(triage.confidence),
            "urgency": triage.urgency.rawValue,
            "lang": triage.lang,
        ]
        for (category, score) in triage.scores {
            detail["score." + category.rawValue] = format(score)
        }
        return detail
    }

    static func format(_ value: Double) -> String {
        String(format: "%.4f", value)
    }
}
