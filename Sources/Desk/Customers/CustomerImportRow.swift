/// One customer as the CSV describes it, already normalised: emails lowercased, phones in E.164.
/// Empty cells are nil, and storage treats the CSV as the source of truth for these fields.
public struct CustomerImportRow: Sendable, Hashable, Codable {
    /// The CSV line the row started on.
    public var line: Int
    public var externalID: String?
    public var name: String
    public var company: String?
    public var plan: String?
    public var emails: [String]
    public var phones: [String]
    public var owner: String?
    public var language: String?
    public var notes: String?

    public init(
        line: Int = 0, externalID: String? = nil, name: String, company: String? = nil, plan: String? = nil,
        emails: [String] = [], phones: [String] = [], owner: String? = nil, language: String? = nil, notes: String? = nil
    ) {
        self.line = line
        self.externalID = externalID
        self.name = name
        self.company = company
        self.plan = plan
        self.emails = emails
        self.phones = phones
        self.owner = owner
        self.language = language
        self.notes = notes
    }

    /// Every contact key the row names.
    public var contactKeys: [ContactKey] {
        emails.map(ContactKey.email) + phones.map(ContactKey.phone)
    }
}
