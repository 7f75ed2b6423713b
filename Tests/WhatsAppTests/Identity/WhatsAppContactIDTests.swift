import Testing
@testable import WhatsApp

@Suite struct WhatsAppContactIDTests {
    @Test func twilioAndMetaFormsOfOneNumberAreEqual() throws {
        let forms = ["whatsapp:+971501234567", "971501234567", "+971501234567", " whatsapp:+971 50 123 4567 "]
        let ids = forms.compactMap { WhatsAppContactID($0) }
        #expect(ids.count == forms.count)
        #expect(Set(ids).count == 1)
        let id = try #require(ids.first)
        #expect(id.isPhone)
        #expect(id.value == "+971501234567")
        #expect(id.twilioAddress == "whatsapp:+971501234567")
        #expect(id.metaRecipient == "971501234567")
    }

    @Test(arguments: ["US.13491208655302741918", "whatsapp:US.ENT.11815799212886844830", "whatsapp:abc123", "whatsapp:12345"])
    func businessScopedIDsAreOpaque(_ raw: String) throws {
        let id = try #require(WhatsAppContactID(raw))
        #expect(!id.isPhone)
        #expect(id.phone == nil)
        #expect(!id.value.hasPrefix("whatsapp:"))
        #expect(!id.value.hasPrefix("+"))
    }

    @Test func emptyIsNil() {
        #expect(WhatsAppContactID("") == nil)
        #expect(WhatsAppContactID("whatsapp:") == nil)
        #expect(WhatsAppContactID(opaque: "  ") == nil)
    }

    @Test func preferringPhoneTakesThePhoneOverAnOpaqueID() {
        let id = WhatsAppContactID(preferringPhone: ["whatsapp:US.1349", "971501234567"])
        #expect(id?.value == "+971501234567")
        let opaque = WhatsAppContactID(preferringPhone: [nil, "US.1349", ""])
        #expect(opaque?.value == "US.1349")
        #expect(opaque?.isPhone == false)
        #expect(WhatsAppContactID(preferringPhone: [nil, ""]) == nil)
    }
}
