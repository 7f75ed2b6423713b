public import Foundation

/// An open churn-risk ticket, with what last happened to it.
public struct ChurnRisk: Sendable, Hashable {
    public var ticketID: Int64
    public var customerName: String
    public var company: String?
    public var plan: String?
    /// Who answers for it (holder, else routing's owner); nil when nobody does.
    public var owner: String?
    public var createdAt: Date
    /// The latest event on the ticket, if any was read.
    public var lastAction: ReportEvent?

    public init(
        ticketID: Int64, customerName: String, company: String?, plan: String?, owner: String?, createdAt: Date,
        lastAction: ReportEvent?
    ) {
        self.ticketID = ticketID
        self.customerName = customerName
        self.company = company
        self.plan = plan
        self.owner = owner
        self.createdAt = createdAt
        self.lastAction = lastAction
    }

    /// "Kettle & Co (Enterprise)" or the person's name when there is no company. Raw: escape it.
    public var displayName: String {
        let name = company.flatMap { $0.isEmpty ? nil : $0 } ?? customerName
        return plan.flatMap { $0.isEmpty ? nil : "\(name) (\($0))" } ?? name
    }
}
