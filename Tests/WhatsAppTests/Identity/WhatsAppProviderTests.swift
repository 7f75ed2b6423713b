import Testing
import WhatsApp

@Suite("WhatsAppProvider")
struct WhatsAppProviderTests {
    @Test("a message id tells the provider: wamid. is Meta, SM and MM are Twilio, anything else is unknown")
    func recognisesIDs() {
        #expect(WhatsAppProvider(messageID: "wamid.HBgLOTcxNTAxMjMyMjMzFQIAEhgUM0EwQkQ5") == .meta)
        #expect(WhatsAppProvider(messageID: "SM0123456789abcdef0123456789abcdef") == .twilio)
        #expect(WhatsAppProvider(messageID: "MM0123456789abcdef0123456789abcdef") == .twilio)
        #expect(WhatsAppProvider(messageID: "a1b2@mail.example") == nil)
        #expect(WhatsAppProvider(messageID: "") == nil)
    }
}
