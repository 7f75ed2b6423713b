import Desk
import Yams

extension SwitchboardConfig {
    /// `retention: {messages: 365d}`: erase the messages of tickets closed (and untouched) longer ago
    /// than this. Absent keeps them forever.
    ///
    /// The floor is the reopen window: a customer who writes within it reopens the closed ticket, and
    /// the agent who picks it up again needs the conversation. Every other part of the bot that reads
    /// messages (follow-ups, the WhatsApp window, SLAs) works on open tickets, which retention never
    /// touches.
    static func parseRetention(_ node: Node?, reader r: ConfigReader) -> Duration? {
        guard let fields = r.mapping(node, at: "retention", allowed: ["messages"]),
              let age = r.duration(fields["messages"], at: "retention.messages")
        else { return nil }
        let reopenWindow = DeskBot.Settings().reopenWindow
        guard age >= reopenWindow else {
            let floor = ReportFormat.duration(reopenWindow)
            r.error("retention.messages", "\(ReportFormat.duration(age)) is shorter than the \(floor) reopen window: "
                + "a customer who writes within \(floor) of a close reopens the ticket, and its agent needs the conversation; "
                + "use \(floor) or more, or leave retention out to keep messages forever")
            return nil
        }
        return age
    }
}
