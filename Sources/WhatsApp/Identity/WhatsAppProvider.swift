/// Which API a WhatsApp conversation runs through. A reply goes back the way the customer wrote: the
/// business number, the 24-hour window and the delivery receipts all belong to that provider.
public enum WhatsAppProvider: String, Sendable, Codable, CaseIterable {
    case twilio
    case meta

    /// Recognised from the id the provider gave the customer's message: the Cloud API's ids start
    /// `wamid.`, Twilio's message SIDs start `SM` (text) or `MM` (media). Anything else is unknown.
    public init?(messageID: String) {
        if messageID.hasPrefix("wamid.") {
            self = .meta
        } else if messageID.hasPrefix("SM") || messageID.hasPrefix("MM") {
            self = .twilio
        } else {
            return nil
        }
    }
}
