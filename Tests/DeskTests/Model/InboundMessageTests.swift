import Desk
import Testing

@Suite struct InboundMessageTests {
    @Test func normalisesIdentifiersAndContact() {
        let message = InboundMessage(
            channel: .email, providerID: " <abc@mail.example> ", contact: .email(" Pat@Kettle.Example "),
            displayName: "  ", text: "hi", inReplyTo: "<out-1@switchboard.example>",
            references: ["<a@x>", "", "<out-1@switchboard.example>"]
        )
        #expect(message.providerID == "abc@mail.example")
        #expect(message.contact == .email("pat@kettle.example"))
        #expect(message.displayName == nil)
        #expect(message.inReplyTo == "out-1@switchboard.example")
        #expect(message.references == ["a@x", "out-1@switchboard.example"])
    }

    @Test func whatsappSendersBecomePhonesWhenTheyAreNumbers() {
        #expect(ContactKey.whatsappSender("whatsapp:+971501234567") == .phone("+971501234567"))
        #expect(ContactKey.whatsappSender("971501234567") == .phone("+971501234567"))
        #expect(ContactKey.whatsappSender("whatsapp:US.13491208655302741918") == .whatsappID("US.13491208655302741918"))
    }

    @Test func contactKeysRoundTripThroughKindAndValue() {
        for key in [ContactKey.phone("+971501234567"), .whatsappID("US.1"), .email("pat@kettle.example")] {
            #expect(ContactKey(kind: key.kind, value: key.value) == key)
        }
        #expect(ContactKey.phone("+971 50 123 4567").value == "+971501234567")
    }
}
