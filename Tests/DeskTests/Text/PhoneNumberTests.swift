import Desk
import Testing

@Suite struct PhoneNumberTests {
    @Test(arguments: [
        ("+971 50 123 4567", "+971501234567"),
        ("00971501234567", "+971501234567"),
        ("+44 (0)20 7946 0958", "+442079460958"),
        ("+1 (415) 523-8886", "+14155238886"),
        ("whatsapp:+971501234567", "+971501234567"),
        ("tel:+62-812-3456-7890", "+6281234567890"),
        ("+٩٧١٥٠١٢٣٤٥٦٧", "+971501234567"),
        ("+91\u{00A0}98765\u{00A0}43210", "+919876543210"),
    ])
    func normalises(raw: String, e164: String) {
        #expect(PhoneNumber.normalize(raw) == e164)
    }

    @Test(arguments: ["050 123 4567", "+", "+0123456789", "+12", "+1234567890123456", "call me", "+971 50 123 4567 ext 2", "+97150+1234567"])
    func rejects(raw: String) {
        #expect(PhoneNumber.normalize(raw) == nil)
    }

    @Test func usesTheDefaultCallingCodeForNationalNumbers() {
        #expect(PhoneNumber.normalize("050 123 4567", defaultCallingCode: "971") == "+971501234567")
        #expect(PhoneNumber.normalize("0812 3456 7890", defaultCallingCode: "+62") == "+6281234567890")
        #expect(PhoneNumber.normalize("+44 20 7946 0958", defaultCallingCode: "971") == "+442079460958")
    }

    @Test(arguments: [("1415", 1), ("7495", 1), ("4420", 2), ("6281", 2), ("9715", 3), ("2010", 2), ("2125", 3), ("9665", 3)])
    func callingCodeLengths(digits: String, length: Int) {
        #expect(PhoneNumber.callingCodeLength(ofDigits: digits) == length)
    }
}
