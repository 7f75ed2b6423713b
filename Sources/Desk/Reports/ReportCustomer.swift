/// Who a churn risk is with. The report names customers only there, so the store loads just those.
public struct ReportCustomer: Sendable, Hashable, Identifiable {
    public var id: Int64
    /// Outside input: every renderer escapes or sanitises it.
    public var name: String
    public var company: String?
    public var plan: String?

    public init(id: Int64, name: String, company: String? = nil, plan: String? = nil) {
        self.id = id
        self.name = name
        self.company = company
        self.plan = plan
    }
}
