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
        var lastEvent: [Int64: ReportEvent] = [:]
        for event in input.events where event.at <= end {
            if event.kind == .closed && inPeriod(event.at) { closedInPeriod.insert(event.ticketID) }
            if event.kind == .reopened { everReopened.insert(event.ticketID) }
            if let known = lastEvent[event.ticketID], (known.at, known.id) > (event.at, event.id) { continue }
            lastEvent[event.ticketID] = event
        }

        let opened = input.tickets.filter { inPeriod($0.createdAt) }
        let work = { (ticket: ReportTicket) in ticket.category != .noAction }
        let openTickets = input.tickets.filter { $0.state.isOpen }
        let workClosed = input.tickets.filter { closedInPeriod.contains($0.id) && work($0) }

        var responseTimes: [TimeInterval] = []
        var unanswered = 0
        var sla = SLASummary(target: settings.sla.target, met: 0, late: 0, missed: 0, pending: 0, breached: [])
        for ticket in opened where work(ticket) {
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

        let resolutionTimes = input.tickets.compactMap { ticket -> TimeInterval? in
            guard work(ticket), ticket.state == .closed, let closedAt = ticket.closedAt, inPeriod(closedAt) else { return nil }
            return closedAt.timeIntervalSince(ticket.createdAt)
        }

        let churn = ChurnSummary(
            open: openTickets.filter { $0.category == .churnRisk }
                .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
                .map { ticket in
                    ChurnRisk(ticketID: ticket.id, customerName: ticket.customerName, company: ticket.company, plan: ticket.plan,
                              owner: ticket.responsible, createdAt: ticket.createdAt, lastAction: lastEvent[ticket.id])
                },
            opened: opened.count { $0.category == .churnRisk },
            closed: input.tickets.count { closedInPeriod.contains($0.id) && $0.category == .churnRisk }
        )

        return DeskReport(
            period: period, timeZone: settings.timeZone, opened: opened.count,
            closed: input.tickets.count { closedInPeriod.contains($0.id) },
            openNow: openTickets.count,
            volume: volume(of: opened, period: period, timeZone: settings.timeZone),
            firstResponse: DurationSummary(samples: responseTimes), unanswered: unanswered,
            resolution: DurationSummary(samples: resolutionTimes),
            backlog: backlog(of: openTickets),
            reopen: ReopenSummary(closed: workClosed.count, reopened: workClosed.count { everReopened.contains($0.id) }),
            sla: sla, churn: churn
        )
    }

    static func volume(of tickets: [ReportTicket], period: DateInterval, timeZone: TimeZone) -> VolumeTable {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var days: [Date] = []
        var day = calendar.startOfDay(for: period.start)
        while day <= period.end {
            days.append(day)
            guard let next = calendar.date(byAdding: .day, value: 1, to: day) else { break }
            day = next
        }
        var counts: [VolumeTable.Key: Int] = [:]
        for ticket in tickets {
            let key = VolumeTable.Key(day: calendar.startOfDay(for: ticket.createdAt), category: ticket.category, channel: ticket.channel)
            counts[key, default: 0] += 1
        }
        return VolumeTable(days: days, counts: counts)
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
