import Foundation
import Testing
@testable import WhatsApp

@Suite struct WhatsAppWindowTests {
    private let inbound = Date(timeIntervalSince1970: 1_700_000_000)
    private let hour: TimeInterval = 3600

    @Test func openForTwentyFourHoursExactly() {
        #expect(WhatsAppWindow.isOpen(lastInbound: inbound, now: inbound))
        #expect(WhatsAppWindow.isOpen(lastInbound: inbound, now: inbound + 23 * hour + 3599))
        #expect(!WhatsAppWindow.isOpen(lastInbound: inbound, now: inbound + 24 * hour))
        #expect(!WhatsAppWindow.isOpen(lastInbound: inbound, now: inbound + 30 * hour))
        #expect(!WhatsAppWindow.isOpen(lastInbound: nil, now: inbound))
    }

    @Test func remainingTime() {
        #expect(WhatsAppWindow.remaining(lastInbound: inbound, now: inbound) == 24 * hour)
        #expect(WhatsAppWindow.remaining(lastInbound: inbound, now: inbound + 20 * hour + 15 * 60) == 3 * hour + 45 * 60)
        #expect(WhatsAppWindow.remaining(lastInbound: inbound, now: inbound + 25 * hour) == 0)
        #expect(WhatsAppWindow.remaining(lastInbound: nil, now: inbound) == 0)
        #expect(WhatsAppWindow.remaining(lastInbound: inbound + hour, now: inbound) == 24 * hour)
        #expect(WhatsAppWindow.closesAt(lastInbound: inbound) == inbound + 24 * hour)
        #expect(WhatsAppWindow.reminderAt(lastInbound: inbound) == inbound + 23 * hour)
    }

    @Test func futureInboundFromClockSkewCountsAsOpen() {
        #expect(WhatsAppWindow.isOpen(lastInbound: inbound + 60, now: inbound))
    }

    @Test func reminderLeadIsTakenFromTheClose() {
        #expect(WhatsAppWindow.reminderAt(lastInbound: inbound, lead: 2 * hour) == inbound + 22 * hour)
        #expect(WhatsAppWindow.reminderAt(lastInbound: inbound, lead: 0) == WhatsAppWindow.closesAt(lastInbound: inbound))
    }

    @Test func explanationOf63016SaysWhatToDo() {
        let text = WhatsAppWindow.outsideWindowExplanation
        #expect(text.contains("24 hours"))
        #expect(text.contains("template"))
        #expect(text.contains("ContentSid"))
    }
}
