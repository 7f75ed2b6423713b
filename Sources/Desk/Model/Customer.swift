public import Foundation

/// A person or account we support. Customers are created by import or by the first message from an
/// unknown contact; every contact (phone, WhatsApp id, email) points at exactly one customer.
public struct Customer: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var name: String
    public var company: String?
    public var plan: String?
    /// The account (IRC services account) responsible for this customer, e.g. the CS owner.
    public var owner: String?
    /// Preferred language, BCP 47.
    public var language: String?
    public var notes: String?
    /// The id in the system the customers CSV comes from; re-imports match on it first.
    public var externalID: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: Int64, name: String, company: String? = nil, plan: String? = nil, owner: String? = nil,
        language: String? = nil, notes: String? = nil, externalID: String? = nil, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.name = name
        self.company = company
        self.plan = plan
        self.owner = owner
        self.language = language
        self.notes = notes
        self.externalID = externalID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
