import Testing
@testable import WhatsApp

@Suite struct BusinessNumbersTests {
    static let numbers = BusinessNumbers(twilio: ["whatsapp:+14155238886", "whatsapp:+971 4 555 0100", "not a number"], meta: ["1234", " 5678 ", ""])

    @Test func numbersAreComparedNormalised() {
        #expect(Self.numbers.twilio == ["whatsapp:+14155238886", "whatsapp:+97145550100"], "unreadable entries are dropped")
        #expect(Self.numbers.meta == ["1234", "5678"])
        for ours in ["whatsapp:+14155238886", "whatsapp:+1 (415) 523-8886", "+97145550100", " whatsapp:+971 4 555 0100 "] {
            #expect(Self.numbers.owns(twilio: ours), "\(ours)")
        }
        for other in ["whatsapp:+15550009999", "whatsapp:abc", "", nil] as [String?] {
            #expect(!Self.numbers.owns(twilio: other), "\(other ?? "nil")")
        }
        #expect(Self.numbers.owns(meta: "5678") && Self.numbers.owns(meta: " 1234"))
        #expect(!Self.numbers.owns(meta: "9999") && !Self.numbers.owns(meta: nil) && !Self.numbers.owns(meta: ""))
        #expect(!BusinessNumbers().owns(twilio: "whatsapp:+14155238886"), "nothing configured, nothing is ours")
    }

    @Test func aReplyLeavesFromTheNumberWrittenToWhileItIsConfigured() {
        #expect(Self.numbers.twilioSender(answering: "whatsapp:+971 4 555 0100") == "whatsapp:+97145550100")
        #expect(Self.numbers.twilioSender(answering: "whatsapp:+15550009999") == "whatsapp:+14155238886")
        #expect(Self.numbers.twilioSender(answering: nil) == "whatsapp:+14155238886")
        #expect(Self.numbers.metaSender(answering: "5678") == "5678")
        #expect(Self.numbers.metaSender(answering: "9999") == "1234")
    }
}
