import Desk
import Testing

/// The raw values are wire and database formats fixed by the design; renaming a case must not change them.
@Suite struct RawValueTests {
    @Test func contractValues() {
        #expect(TicketState.allCases.map(\.rawValue) == ["new", "open", "claimed", "awaiting_customer", "closed"])
        #expect(Desk.Category.allCases.map(\.rawValue) == ["support", "billing", "churn_risk", "feature_request", "bug_report", "no_action"])
        #expect(Urgency.allCases.map(\.rawValue) == ["high", "normal"])
        #expect(Direction.allCases.map(\.rawValue) == ["in", "out"])
        #expect(Channel.allCases.map(\.rawValue) == ["whatsapp", "email"])
        #expect(OutboxState.allCases.map(\.rawValue) == ["pending", "in_flight", "sent", "failed", "unknown"])
    }
}
