import Desk
import Foundation
import Testing

/// The follow-up policy's WhatsApp window warning, which takes the window from `WhatsAppWindow`.
@Suite struct FollowUpPolicyWindowTests {
    private let inbound = Date(timeIntervalSince1970: 1_700_000_000)
    private let hour: TimeInterval = 3600
    private let policy = FollowUpPolicy(settings: FollowUpSettings(windowWarning: .seconds(2 * 3600)))

    private func facts(channel: Channel = .whatsapp, lastInbound: Date?) -> FollowUpFacts {
        let ticket = Ticket(id: 7, customerID: 1, state: .open, category: .billing, channel: channel, owner: "aisha", team: nil,
                            createdAt: inbound, updatedAt: inbound)
        return FollowUpFacts(ticket: ticket, lastInbound: lastInbound, lastHumanOutbound: nil, snoozedUntil: nil)
    }

    @Test func warningIsDueTheLeadBeforeTheWindowCloses() {
        #expect(policy.windowWarningDue(after: inbound) == inbound + 22 * hour)
    }

    @Test func warnsWithTheClosingTimeWhileTheWindowIsOpen() {
        let decision = policy.decide(.windowReminder, facts: facts(lastInbound: inbound), now: inbound + 22 * hour)
        #expect(decision == .warnWindowClosing(closesAt: inbound + 24 * hour))
    }

    @Test func noWarningOnceClosedRenewedOrWithoutAWindow() {
        #expect(policy.decide(.windowReminder, facts: facts(lastInbound: inbound), now: inbound + 24 * hour)
            == .nothing(reason: "window already closed"))
        #expect(policy.decide(.windowReminder, facts: facts(lastInbound: inbound + 5 * hour), now: inbound + 22 * hour)
            == .nothing(reason: "window renewed"))
        #expect(policy.decide(.windowReminder, facts: facts(lastInbound: nil), now: inbound) == .nothing(reason: "no window"))
        #expect(policy.decide(.windowReminder, facts: facts(channel: .email, lastInbound: inbound), now: inbound + 22 * hour)
            == .nothing(reason: "no window"))
    }
}
