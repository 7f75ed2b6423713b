import Foundation

extension DeskReport {
    /// Computes the report. Pure: the same rows and settings always give the same report.
    ///
    /// Rows outside what the figures need are ignored (a message after the period's end, a ticket
    /// neither opened nor closed in the period and no longer open), so callers may pass more than
    /// the minimum.
    public static func compute(_ input: ReportInput, settings: ReportSettings) -> DeskReport {
        let period = settings.period
        let end = period.end
        let inPeriod = { (date: Date) in period.start <= date && date <= end }

        var firstReply: [Int64: Date] = [:]
        for message in input.messages where message.isHumanReply && message.at <= end {
            if let known = firstReply[message.ticketID], known <= message.at { continue }
            firstReply[message.ticketID] = message.at
        }
        var closedInPeriod = Set<Int64>()
        var everReopened = Set<Int64>()
        for event in input.events where event.at <= end {
            if event.kind == .closed && inPeriod(event.at) { closedInPeriod.insert(event.ticketID) }
            if event.kind == .reopened { everReopened.insert(event.ticketID) }
        }

        // One pass over the tickets; at 100,000 of them every extra pass or hash lookup shows.
        var volume = VolumeCounter(period: period, timeZone: settings.timeZone)
        var opened = 0, closed = 0, unanswered = 0
        var responseTimes: [TimeInterval] = [], resolutionTimes: [TimeInterval] = []
        var sla = SLASummary(target: settings.sla.target, met: 0, late: 0, missed: 0, pending: 0, breached: [])
        var reopen = ReopenSummary(closed: 0, reopened: 0)
        var openTickets: [ReportTicket] = []
        var churnOpened = 0, churnClosed = 0
        for ticket in input.tickets {
            let isWork = ticket.category != .noAction
            if ticket.state.isOpen { openTickets.append(ticket) }
            if closedInPeriod.contains(ticket.id) {
                closed += 1
                if ticket.category == .churnRisk { churnClosed += 1 }
                if isWork {
                    reopen.closed += 1
                    if everReopened.contains(ticket.id) { reopen.reopened += 1 }
                }
            }
            if isWork, ticket.state == .closed, let closedAt = ticket.closedAt, inPeriod(closedAt) {
                resolutionTimes.append(closedAt.timeIntervalSince(ticket.createdAt))
            }
            guard inPeriod(ticket.createdAt) else { continue }
            opened += 1
            volume.add(ticket)
            if ticket.category == .churnRisk { churnOpened += 1 }
            guard isWork else { continue }
            let deadline = settings.sla.deadline(ticket.createdAt)
            if let reply = firstReply[ticket.id] {
                responseTimes.append(reply.timeIntervalSince(ticket.createdAt))
                if reply <= deadline {
                    sla.met += 1
                } else {
                    sla.late += 1
                    sla.breached.append(ticket.id)
                }
                continue
            }
            if ticket.state.isOpen { unanswered += 1 }
            // Unanswered: a breach once the deadline passed while the ticket was still open. A ticket
            // closed without a reply before its deadline (spam, a duplicate) is not judged.
            if deadline < (ticket.closedAt ?? end) {
                sla.missed += 1
                sla.breached.append(ticket.id)
            } else if ticket.state.isOpen {
                sla.pending += 1
            }
        }
        sla.breached.sort()

        return DeskReport(
            period: period, timeZone: settings.timeZone, opened: opened, closed: closed, openNow: openTickets.count,
            volume: volume.table, firstResponse: DurationSummary(samples: responseTimes), unanswered: unanswered,
            resolution: DurationSummary(samples: resolutionTimes), backlog: backlog(of: openTickets), reopen: reopen, sla: sla,
            churn: ChurnSummary(open: churnRisks(openTickets, input: input, end: end), opened: churnOpened, closed: churnClosed)
        )
    }

    /// Open churn risks, oldest first, with their customer and the latest event up to `end`.
    static func churnRisks(_ openTickets: [ReportTicket], input: ReportInput, end: Date) -> [ChurnRisk] {
        let risks = openTickets.filter { $0.category == .churnRisk }.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        guard !risks.isEmpty else { return [] }
        let ids = Set(risks.map(\.id))
        var lastEvent: [Int64: ReportEvent] = [:]
        for event in input.events where event.at <= end && ids.contains(event.ticketID) {
            if let known = lastEvent[event.ticketID], (known.at, known.id) > (event.at, event.id) { continue }
            lastEvent[event.ticketID] = event
        }
        let customers = Dictionary(input.customers.map { ($0.id, $0) }) { first, _ in first }
        return risks.map { ticket in
            let customer = customers[ticket.customerID]
            return ChurnRisk(ticketID: ticket.id, customerName: customer?.name ?? "customer \(ticket.customerID)",
                             company: customer?.company, plan: customer?.plan, owner: ticket.responsible,
                             createdAt: ticket.createdAt, lastAction: lastEvent[ticket.id])
        }
    }

    static func backlog(of openTickets: [ReportTicket]) -> [BacklogEntry] {
        var entries: [String?: BacklogEntry] = [:]
        for ticket in openTickets {
            let owner = ticket.responsible
            var entry = entries[owner] ?? BacklogEntry(owner: owner, count: 0, held: 0, oldestCreatedAt: ticket.createdAt)
            entry.count += 1
            if ticket.owner != nil { entry.held += 1 }
            entry.oldestCreatedAt = min(entry.oldestCreatedAt, ticket.createdAt)
            entries[owner] = entry
        }
        return entries.values.sorted { a, b in
            if (a.owner == nil) != (b.owner == nil) { return b.owner == nil }
            return a.count != b.count ? a.count > b.count : (a.owner ?? "") < (b.owner ?? "")
        }
    }
}
