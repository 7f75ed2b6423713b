import Desk
import Foundation

extension FollowUpSettings {
    /// The configured first-response target in business hours, as the report measures breaches: the same
    /// deadline the follow-up timers escalate at (the default target; category and urgency refinements are
    /// the timers' business).
    var responseSLA: ResponseSLA {
        let hours = self.hours
        let target = levels.firstResponse
        let seconds = target.timeInterval
        return ResponseSLA(target: target) { hours.adding(seconds, to: $0) }
    }
}
