import Testing
@testable import WhatsApp

@Suite struct PhoneNumberTests {
    @Test(arguments: [
        ("+971501234567", "+971501234567"),
        ("+971 50 123 4567", "+971501234567"),
        ("whatsapp:+14155238886", "+14155238886"),
        ("WhatsApp:+1 (415) 523-8886", "+14155238886"),
        ("tel:+44-20-7946-0958", "+442079460958"),
        ("+44 (0)20 7946 0958", "+442079460958"),
        ("0044 20 7946 0958", "+442079460958"),
        ("00971-50-123-4567", "+971501234567"),
        ("971501234567", "+971501234567"),
        ("6281234567890", "+6281234567890"),
        ("14155238886", "+14155238886"),
        ("+٩٧١٥٠١٢٣٤٥٦٧", "+971501234567"),
        ("\u{200E}+971 50 123 4567\u{200F}", "+971501234567"),
        ("+66\u{00A0}81\u{00A0}234\u{00A0}5678", "+66812345678"),
        ("＋６２ ８１２ ３４５６ ７８９０", "+6281234567890"),
        ("+91.98765.43210", "+919876543210"),
    ])
    func internationalForms(_ input: String, _ e164: String) {
        #expect(PhoneNumber.normalise(input) == .international(PhoneNumber(e164: e164)!))
        #expect(PhoneNumber(input)?.e164 == e164)
    }

    @Test(arguments: [
        ("0501234567", "0501234567"),
        ("050-123-4567", "0501234567"),
        ("(415) 523-8886", "4155238886"),
        ("9876543210", "9876543210"),
        ("٠٥٠١٢٣٤٥٦٧", "0501234567"),
    ])
    func nationalNumbersStayDigitsWithoutACountry(_ input: String, _ digits: String) {
        #expect(PhoneNumber.normalise(input) == .national(digits: digits))
        #expect(PhoneNumber.normalise(input).text == digits)
        #expect(PhoneNumber(input) == nil)
    }

    @Test(arguments: [
        ("0501234567", "971", "+971501234567"),
        ("050 123 4567", "+971", "+971501234567"),
        ("4155238886", "1", "+14155238886"),
        ("9876543210", "91", "+919876543210"),
        ("01012345678", "20", "+201012345678"),
        ("971501234567", "91", "+971501234567"),
        ("+6281234567890", "971", "+6281234567890"),
    ])
    func defaultCallingCodePlacesNationalNumbers(_ input: String, _ code: String, _ e164: String) {
        #expect(PhoneNumber(input, defaultCallingCode: code)?.e164 == e164)
    }

    @Test(arguments: [
        "", "   ", "+", "+0501234567", "+12", "12", "1234", "abc", "US.13491208655302741918",
        "+971 50 123 4567 ext 12", "+9715012345678901", "+971+501234567", "whatsapp:", "mail@example.com",
    ])
    func notPhones(_ input: String) {
        #expect(PhoneNumber.normalise(input) == .notAPhone)
        #expect(PhoneNumber(input) == nil)
    }

    @Test func strictE164AndWaId() {
        #expect(PhoneNumber(e164: "+971501234567")?.digits == "971501234567")
        #expect(PhoneNumber(e164: "971501234567") == nil)
        #expect(PhoneNumber(e164: "+971 50 123 4567") == nil)
        #expect(PhoneNumber(waId: "971501234567")?.e164 == "+971501234567")
        #expect(PhoneNumber(waId: "+971501234567") == nil)
        #expect(PhoneNumber(waId: "0501234567") == nil)
        #expect(PhoneNumber(waId: "1234567")?.e164 == "+1234567")
        #expect(PhoneNumber(waId: "123456") == nil)
    }

    /// Numbers people typed (the customers CSV, contact keys): bare digits are never guessed to be
    /// international, so a missing `+` is reported instead of read as another country.
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
    func typedInternationalForms(_ input: String, _ e164: String) {
        #expect(PhoneNumber(input, bareDigits: .national)?.e164 == e164)
    }

    @Test(arguments: [
        "050 123 4567", "971501234567", "+", "+0123456789", "+12", "+1234567890123456", "call me",
        "+971 50 123 4567 ext 2", "+97150+1234567",
    ])
    func typedNumbersWithoutACountryAreNotGuessed(_ input: String) {
        #expect(PhoneNumber(input, bareDigits: .national) == nil)
    }

    @Test func typedNationalNumbersTakeTheDefaultCallingCode() {
        #expect(PhoneNumber("050 123 4567", defaultCallingCode: "971", bareDigits: .national)?.e164 == "+971501234567")
        #expect(PhoneNumber("0812 3456 7890", defaultCallingCode: "+62", bareDigits: .national)?.e164 == "+6281234567890")
        #expect(PhoneNumber("81234567890", defaultCallingCode: "62", bareDigits: .national)?.e164 == "+6281234567890")
        #expect(PhoneNumber("+44 20 7946 0958", defaultCallingCode: "971", bareDigits: .national)?.e164 == "+442079460958")
        // The same Indonesian digits, read as a provider's id, start with Japan's code.
        #expect(PhoneNumber("81234567890", defaultCallingCode: "62")?.e164 == "+81234567890")
    }

    @Test(arguments: [
        ("1415", 1), ("7495", 1), ("4420", 2), ("6281", 2), ("9715", 3), ("2010", 2), ("2125", 3), ("9665", 3), ("8001", 3),
    ])
    func callingCodeLengths(_ digits: String, _ length: Int) {
        #expect(PhoneNumber.callingCodeLength(ofDigits: digits) == length)
    }

    @Test func unknownDefaultCallingCodeIsIgnored() {
        #expect(PhoneNumber.normalise("0501234567", defaultCallingCode: "999") == .national(digits: "0501234567"))
    }
}
