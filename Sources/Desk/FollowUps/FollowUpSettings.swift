/// When Switchboard chases silent tickets. Defaults follow the issue: nudge after 24 h of customer
/// silence, warn 2 h before the WhatsApp window closes, escalate past the first-response SLA.
public struct FollowUpSettings: Sendable, Hashable {
    /// How long a customer may stay silent on an answered ticket before the owner is nudged.
    public var awaitingCustomer: Duration
    /// How long before the 24-hour window (``WhatsApp/WhatsAppWindow``) closes the owner is warned.
    public var windowWarning: Duration
    public var hours: BusinessHours
    public var levels: ServiceLevels
    /// Offered in nudges (`template N NAME`) when configured.
    public var followUpTemplate: String?

    public init(awaitingCustomer: Duration = .seconds(24 * 3600), windowWarning: Duration = .seconds(2 * 3600),
                hours: BusinessHours = .always, levels: ServiceLevels = ServiceLevels(),
                followUpTemplate: String? = nil) {
        self.awaitingCustomer = awaitingCustomer
        self.windowWarning = windowWarning
        self.hours = hours
        self.levels = levels
        self.followUpTemplate = followUpTemplate
    }
}
