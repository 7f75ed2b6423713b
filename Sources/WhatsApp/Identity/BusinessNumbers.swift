/// The business's own WhatsApp numbers: the ones whose messages this desk takes, and the ones its
/// replies leave from.
///
/// One Twilio account or Meta business can hold numbers that belong to other desks (another brand,
/// a test number). Their webhooks reach the same URL with the same valid signature, so the signature says
/// nothing about which number a message was for: only Twilio's `To` (its `From` on a status callback)
/// and Meta's `metadata.phone_number_id` do. A message or status for any other number is not ours.
///
/// Twilio numbers are compared as `whatsapp:+E164` (`whatsapp:+1 415-523-8886` and `whatsapp:+14155238886`
/// are one number); Meta phone number ids as trimmed text. The first configured number of each provider
/// is the default a reply leaves from when the customer's own number is unknown.
public struct BusinessNumbers: Sendable, Hashable {
    /// Configured Twilio senders, normalised to `whatsapp:+E164`, in config order.
    public let twilio: [String]
    /// Configured Meta phone number ids, in config order.
    public let meta: [String]

    /// Entries that cannot be read as numbers are dropped (`check-config` reports them).
    public init(twilio: [String] = [], meta: [String] = []) {
        self.twilio = twilio.compactMap(Self.twilioAddress)
        self.meta = meta.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// `whatsapp:+E164` for any spelling of a phone number, with or without the `whatsapp:` prefix; nil
    /// for something that is not a phone number.
    public static func twilioAddress(_ raw: String) -> String? {
        guard let id = WhatsAppContactID(raw), id.isPhone else { return nil }
        return id.twilioAddress
    }

    /// Whether a Twilio `To` (inbound) or `From` (status callback) is one of ours.
    public func owns(twilio address: String?) -> Bool {
        guard let address, let normalised = Self.twilioAddress(address) else { return false }
        return twilio.contains(normalised)
    }

    /// Whether a Meta `phone_number_id` is one of ours.
    public func owns(meta phoneNumberID: String?) -> Bool {
        guard let id = phoneNumberID?.trimmingWhitespace(), !id.isEmpty else { return false }
        return meta.contains(id)
    }

    /// The Twilio number a reply leaves from: the one the customer wrote to while it is still configured,
    /// else the first configured one.
    public func twilioSender(answering wroteTo: String?) -> String? {
        if owns(twilio: wroteTo), let wroteTo { return Self.twilioAddress(wroteTo) }
        return twilio.first
    }

    /// The Meta phone number id a reply leaves from, chosen the same way.
    public func metaSender(answering wroteTo: String?) -> String? {
        if owns(meta: wroteTo), let wroteTo { return wroteTo.trimmingWhitespace() }
        return meta.first
    }
}
