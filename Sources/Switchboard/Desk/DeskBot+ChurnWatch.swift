import Desk
import Foundation
import IRC
import IRCClient
import Logging
import Store

/// The churn watch: a daily digest of open churn risks and a weekly summary, posted to the channel the
/// founders watch. Each run is an event in the database, so a restart neither skips nor repeats one.
extension DeskBot {
    struct ChurnWatchSettings: Sendable {
        var channel: String
        var schedule: DigestSchedule
    }

    struct ChurnRuns: Sendable {
        var daily: Date?
        var weekly: Date?
    }

    /// Posts whichever digests are due; returns how many lines were posted.
    @discardableResult
    func postDueChurnDigests() async -> Int {
        guard let watch = settings.churnWatch else { return 0 }
        let now = now()
        do {
            var runs = try await loadChurnRuns(now: now)
            var lines: [IRCLine] = []
            if watch.schedule.dailyDue(now: now, lastRun: runs.daily) != nil {
                lines += try await dailyDigest(now: now, schedule: watch.schedule)
                runs.daily = try await database.appendEvent(ticketID: nil, actor: TicketEvent.system, kind: "churn_digest", detail: ["digest": "daily"]).at
            }
            if watch.schedule.weeklyDue(now: now, lastRun: runs.weekly) != nil {
                let weekAgo = now.addingTimeInterval(-7 * 86_400)
                lines += ChurnDigest.weekly(opened: try await database.churnTickets(openedSince: weekAgo),
                                            closed: try await database.churnTickets(closedSince: weekAgo))
                runs.weekly = try await database.appendEvent(ticketID: nil, actor: TicketEvent.system, kind: "churn_digest", detail: ["digest": "weekly"]).at
            }
            churnRuns = runs
            for line in lines { await output.say(line, to: watch.channel, priority: .commandReply) }
            return lines.count
        } catch {
            logger.error("churn watch failed: \(error)")
            return 0
        }
    }

    private func loadChurnRuns(now: Date) async throws -> ChurnRuns {
        if let churnRuns { return churnRuns }
        let events = try await database.events(since: now.addingTimeInterval(-8 * 86_400), kinds: ["churn_digest"])
        return ChurnRuns(daily: events.last { $0.detail["digest"] == "daily" }?.at, weekly: events.last { $0.detail["digest"] == "weekly" }?.at)
    }

    private func dailyDigest(now: Date, schedule: DigestSchedule) async throws -> [IRCLine] {
        let open = try await database.queue(.category(.churnRisk), limit: 50)
        var risks: [ChurnDigest.OpenRisk] = []
        for summary in open {
            let ticket = summary.ticket
            let last = try await database.history(ticketID: ticket.id).last { !["routed", "follow_up", "refused"].contains($0.kind.rawValue) }
            let due = followUpPolicy.firstResponseDue(for: ticket)
            let answered = try await database.messages(ticketID: ticket.id).contains { $0.direction == .outbound }
            let missedBy = ticket.owner == nil && !answered && now > due ? now.timeIntervalSince(due) : nil
            risks.append(.init(ticket: ticket, customerName: summary.customerName, plan: summary.customerPlan,
                               lastAction: ChurnDigest.lastAction(kind: last?.kind, at: last?.at, now: now, slaMissedBy: missedBy)))
        }
        let clock = ClockText.time(minuteOfDay: schedule.at)
        return ChurnDigest.daily(risks, now: now, clock: clock, timeZone: schedule.timeZone)
    }
}
