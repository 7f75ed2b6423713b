import Desk
import Foundation

/// A hand-built history over a 2½-day period, with every figure worked out by hand in the comments of
/// ``DeskReportTests``. Ticket ids are the labels used there.
enum ReportScenario {
    static let hour: TimeInterval = 3600
    static let day: TimeInterval = 86_400
    /// 2025-06-01T00:00:00Z.
    static let start = Date(timeIntervalSince1970: 1_748_736_000)
    static let end = start.addingTimeInterval(2 * day + 12 * hour)
    static let settings = ReportSettings(period: DateInterval(start: start, end: end), sla: ResponseSLA(target: .seconds(4 * 3600)))

    static func at(_ offset: TimeInterval) -> Date { start.addingTimeInterval(offset) }

    static func ticket(
        _ id: Int64, _ category: Desk.Category?, _ channel: Channel, _ state: TicketState, created: TimeInterval,
        closed: TimeInterval? = nil, owner: String? = nil, routedOwner: String? = nil
    ) -> ReportTicket {
        ReportTicket(id: id, customerID: id, category: category, channel: channel, state: state, owner: owner,
                     routedOwner: routedOwner, createdAt: at(created), closedAt: closed.map(at))
    }

    static var input: ReportInput {
        let tickets = [
            ticket(1, .support, .whatsapp, .closed, created: 1 * hour, closed: 5 * hour),
            ticket(2, .billing, .email, .awaitingCustomer, created: 2 * hour, owner: "founder"),
            ticket(3, .churnRisk, .whatsapp, .open, created: 1 * day, routedOwner: "founder"),
            ticket(4, .noAction, .email, .closed, created: 1 * day + 3 * hour, closed: 1 * day + 3 * hour),
            ticket(5, .churnRisk, .email, .closed, created: -2 * day, closed: 10 * hour),
            ticket(6, .bugReport, .whatsapp, .claimed, created: 2 * day, owner: "techlead"),
            ticket(7, .support, .whatsapp, .open, created: 2 * day + 10 * hour),
            ticket(8, .featureRequest, .email, .closed, created: 1 * day + 5 * hour, closed: 2 * day + 1 * hour),
            ticket(9, .churnRisk, .email, .claimed, created: -5 * day, owner: "aisha"),
            ticket(10, .support, .whatsapp, .closed, created: 3 * hour, closed: 3 * hour + 1800),
            ticket(11, nil, .whatsapp, .new, created: 2 * day + 11 * hour),
        ]
        var nextID: Int64 = 0
        func event(_ ticket: Int64, _ kind: EventKind, _ actor: String, _ offset: TimeInterval) -> ReportEvent {
            nextID += 1
            return ReportEvent(id: nextID, ticketID: ticket, kind: kind, actor: actor, at: at(offset))
        }
        let events = [
            event(9, .received, "customer", -5 * day),
            event(9, .claimed, "aisha", -4 * day),
            event(5, .received, "customer", -2 * day),
            event(5, .closed, "aisha", -1 * day - 12 * hour),
            event(5, .reopened, "aisha", -1 * day),
            event(1, .received, "customer", 1 * hour),
            event(1, .queued, "aisha", 1 * hour + 1800),
            event(10, .closed, "aisha", 3 * hour + 1800),
            event(1, .closed, "aisha", 5 * hour),
            event(5, .closed, "aisha", 10 * hour),
            event(3, .received, "customer", 1 * day),
            event(3, .routed, "system", 1 * day + 60),
            event(3, .noted, "aisha", 1 * day + 2 * hour),
            event(4, .closed, "system", 1 * day + 3 * hour),
            event(8, .closed, "aisha", 1 * day + 7 * hour),
            event(8, .reopened, "customer", 1 * day + 9 * hour),
            event(8, .closed, "aisha", 2 * day + 1 * hour),
            // After the period: ignored.
            event(3, .claimed, "founder", 2 * day + 13 * hour),
        ]
        let messages = [
            ReportMessage(ticketID: 1, direction: .inbound, at: at(1 * hour), author: "Customer 1"),
            ReportMessage(ticketID: 1, direction: .outbound, at: at(1 * hour + 1800), author: "aisha"),
            ReportMessage(ticketID: 1, direction: .outbound, at: at(4 * hour), author: "aisha"),
            ReportMessage(ticketID: 2, direction: .outbound, at: at(8 * hour), author: "founder"),
            ReportMessage(ticketID: 8, direction: .outbound, at: at(1 * day + 6 * hour), author: "aisha"),
            // A follow-up the system sent is not a human reply.
            ReportMessage(ticketID: 6, direction: .outbound, at: at(2 * day + 1 * hour), author: "system"),
            // A reply after the period's end does not count.
            ReportMessage(ticketID: 7, direction: .outbound, at: at(2 * day + 13 * hour), author: "aisha"),
        ]
        // Customer n has ticket n; 9 is a company on a plan.
        let customers = (1...11).map { id in
            ReportCustomer(id: Int64(id), name: "Customer \(id)", company: id == 9 ? "Kettle & Co" : nil, plan: id == 9 ? "Enterprise" : nil)
        }
        return ReportInput(tickets: tickets, events: events, messages: messages, customers: customers)
    }
}
