import Desk
import Foundation
import IRC
import IRCClient
import Logging
import Store

/// Follow-ups: the durable timers that chase silent tickets, and what happens when one fires.
extension DeskBot {
    nonisolated var followUpPolicy: FollowUpPolicy { FollowUpPolicy(settings: settings.followUps) }

    /// An agent's reply starts the wait for the customer.
    func scheduleAfterReply(_ ticketID: Int64) async {
        do {
            _ = try await database.scheduleTimer(ticketID: ticketID, kind: .followUp, dueAt: followUpPolicy.awaitingCustomerDue(after: now()))
        } catch {
            logger.error("could not schedule the follow-up for #\(ticketID): \(error)")
        }
    }

    /// Claims and acts on every due timer; returns how many were acted on. The claim is durable, so a
    /// timer that fell due while the bot was down fires once after the restart, and never twice.
    @discardableResult
    func fireDueTimers() async -> Int {
        guard let due = try? await database.dueTimers() else { return 0 }
        var fired = 0
        for timer in due {
            guard (try? await database.markTimerFired(id: timer.id)) == true else { continue }
            do {
                try await fire(timer)
                fired += 1
            } catch {
                logger.error("follow-up \(timer.kind) for #\(timer.ticketID) failed: \(error)")
            }
        }
        return fired
    }

    private func fire(_ timer: TicketTimer) async throws {
        guard let ticket = try await database.ticket(id: timer.ticketID) else { return }
        let messages = try await database.messages(ticketID: ticket.id)
        let snooze = try await database.pendingTimers(ticketID: ticket.id).first { $0.kind == .snooze }
        let facts = FollowUpFacts(
            ticket: ticket, lastInbound: messages.last { $0.direction == .inbound }?.receivedAt,
            lastHumanOutbound: messages.last { $0.direction == .outbound && $0.author != nil && $0.author != TicketEvent.system }?.receivedAt,
            snoozedUntil: snooze?.dueAt)
        let decision = followUpPolicy.decide(timer.kind, facts: facts, now: now())
        let notifier = TicketNotifier(database: database, output: output)
        let prefix = settings.commandPrefix
        let id = ticket.id
        var detail = ["timer": timer.kind.rawValue]
        switch decision {
        case .nothing(let reason):
            logger.debug("follow-up \(timer.kind) for #\(id) not needed: \(reason)")
            return
        case .deferUntil(let until):
            _ = try await database.scheduleTimer(ticketID: id, kind: timer.kind, dueAt: until)
            return
        case .snoozeEnded:
            await notifier.tell(id, "#\(id) is back from snooze (\(botText: ticket.state.rawValue)) — \(botText: prefix)show \(id)")
            detail["action"] = "snooze_ended"
        case .nudgeAwaitingCustomer(let silentFor):
            var options: [IRCLine] = ["\(botText: prefix)close \(id)", "\(botText: prefix)snooze \(id) 1d"]
            if ticket.channel == .whatsapp, let template = settings.followUps.followUpTemplate {
                options.append("\(botText: prefix)template \(id) \(template)")
            }
            await notifier.tell(id, "#\(id): no word from the customer for \(botText: DurationText.words(silentFor.timeInterval)) since our reply — \(IRCLine.joined(options, separator: " · "))")
            detail["action"] = "nudged"
        case .warnWindowClosing(let closesAt):
            let left = DurationText.words(closesAt.timeIntervalSince(now()))
            await notifier.tell(id, "#\(id): the WhatsApp window closes at \(botText: ClockText.time(closesAt, timeZone: settings.timeZone)) (in \(botText: left)); after that only a template reaches the customer")
            detail["action"] = "window_warning"
        case .escalateFirstResponse(let overdueBy):
            guard let channel = ticket.routeChannel else { return }
            let leads = escalationAccounts(team: ticket.team)
            let customer = try await database.customer(id: ticket.customerID)
            let opening = messages.first { $0.direction == .inbound }
            var card = TicketCard(ticket: ticket, customer: customer, contact: opening?.senderKey, excerpt: opening?.text ?? "")
            card.commandPrefix = prefix
            card.lowConfidence = settings.lowConfidence
            let overdue: IRCLine = overdueBy > .seconds(59) ? " by \(botText: DurationText.words(overdueBy.timeInterval))" : ""
            await output.say("⚠ #\(id) first-response SLA missed\(overdue), still unclaimed — \(botText: leads.joined(separator: ", ")): \(botText: prefix)claim \(id)",
                             to: channel, priority: .urgentCard)
            for line in card.lines(now: now()) { await output.say(line, to: channel, priority: .urgentCard) }
            detail["action"] = "escalated"
            detail["to"] = leads.joined(separator: ",")
        }
        _ = try await database.appendEvent(ticketID: id, actor: TicketEvent.system, kind: "follow_up", detail: detail)
    }

    /// Who an SLA breach calls: the leads of the ticket's team, else the admins.
    func escalationAccounts(team: String?) -> [String] {
        let agents = policy.directory.all
        let leads = agents.filter { $0.role == .lead && (team == nil || $0.teams.contains(team!)) }.map(\.account)
        return leads.isEmpty ? agents.filter { $0.role == .admin }.map(\.account) : leads
    }
}
