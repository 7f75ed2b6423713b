import Desk
import Foundation
import WhatsApp

/// With both Twilio and Meta configured, each reply leaves through the provider its customer wrote to,
/// so it comes from the number they know and its receipts come back the same way. With one configured,
/// or for a customer whose provider is unknown, the configured one (Twilio first) sends.
struct WhatsAppSenders: OutboundSender {
    var twilio: (any OutboundSender)?
    var meta: (any OutboundSender)?

    func send(_ item: OutboxItem) async -> OutboxResult {
        guard let sender = sender(for: item) else { return .failed(error: "no WhatsApp sender is configured") }
        return await sender.send(item)
    }

    func sender(for item: OutboxItem) -> (any OutboundSender)? {
        switch (try? JSONDecoder().decode(OutboundPayload.self, from: item.payload))?.provider {
        case .meta: meta ?? twilio
        case .twilio, nil: twilio ?? meta
        }
    }
}
