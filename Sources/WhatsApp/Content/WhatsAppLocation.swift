/// A shared location pin. Name and address are present only when the customer picked a saved place.
public struct WhatsAppLocation: Sendable, Hashable {
    public var latitude: Double
    public var longitude: Double
    /// Twilio's `Label`, Meta's `name`.
    public var name: String?
    public var address: String?
    /// Meta's `url`, for a business listing.
    public var url: String?

    public init(latitude: Double, longitude: Double, name: String? = nil, address: String? = nil, url: String? = nil) {
        self.latitude = latitude
        self.longitude = longitude
        self.name = name
        self.address = address
        self.url = url
    }

    /// `[location: Dubai Mall, Financial Centre Rd]`, or the coordinates when the pin has no name.
    public var placeholder: String {
        let words = [name, address].compactMap { $0?.nonBlank }
        if words.isEmpty {
            return "[location: \(latitude), \(longitude)]"
        }
        return "[location: \(words.joined(separator: ", "))]"
    }
}
