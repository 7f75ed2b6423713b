/// A contact card the customer shared (`type: contacts`).
public struct MetaSharedContact: Sendable, Hashable {
    public var formattedName: String?
    /// The numbers as written on the card.
    public var phones: [String]
    /// The WhatsApp ids Meta matched to those numbers, where it did.
    public var waIDs: [String]

    public init(formattedName: String?, phones: [String], waIDs: [String]) {
        self.formattedName = formattedName
        self.phones = phones
        self.waIDs = waIDs
    }

    init(_ json: JSONValue) {
        let phones = json["phones"]?.array ?? []
        self.init(
            formattedName: json["name"]?["formatted_name"]?.text ?? json["name"]?["first_name"]?.text,
            phones: phones.compactMap { $0["phone"]?.text },
            waIDs: phones.compactMap { $0["wa_id"]?.text }
        )
    }
}
