/// What a template's variables are filled from: the ticket, its customer and the sending agent.
public struct TemplateContext: Sendable, Hashable {
    public var ticketID: Int64
    public var customerName: String?
    public var company: String?
    public var agent: String

    public init(ticketID: Int64, customerName: String?, company: String?, agent: String) {
        self.ticketID = ticketID
        self.customerName = customerName
        self.company = company
        self.agent = agent
    }

    /// Never empty: WhatsApp rejects a template whose parameter is blank, so a missing name reads "there".
    func value(of variable: TemplateVariable) -> String {
        let value: String? = switch variable {
        case .customerName: customerName
        case .customerFirstName: customerName?.split(separator: " ").first.map(String.init)
        case .company: company
        case .ticket: String(ticketID)
        case .agent: agent
        }
        guard let value, !value.trimmingWhitespace().isEmpty else {
            return variable == .company ? "your company" : "there"
        }
        return value
    }
}
