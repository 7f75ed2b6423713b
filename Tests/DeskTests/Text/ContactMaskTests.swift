import Desk
import Testing

@Suite struct ContactMaskTests {
    @Test(arguments: [
        ("+971501234567", "+971 50 *** 4567"),
        ("+14155238886", "+1 41 *** 8886"),
        ("+6281234567890", "+62 81 *** 7890"),
        ("+201001234567", "+20 10 *** 4567"),
        ("+6831234", "+683 *** 34"),
    ])
    func masksPhones(e164: String, masked: String) {
        #expect(ContactMask.phone(e164) == masked)
        #expect(ContactMask.mask(.phone(e164)) == masked)
    }

    @Test func masksEmails() {
        #expect(ContactMask.mask(.email("Pat@Kettle.example")) == "p***@kettle.example")
        #expect(ContactMask.email("@nowhere") == "***@nowhere")
    }

    @Test func masksOpaqueIDs() {
        #expect(ContactMask.mask(.whatsappID("US.13491208655302741918")) == "US***18")
        #expect(ContactMask.mask(.whatsappID("short")) == "***")
    }

    @Test func maskNeverContainsTheMiddleDigits() {
        let masked = ContactMask.phone("+971509876543")
        #expect(!masked.contains("98765"))
    }
}
