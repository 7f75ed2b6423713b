import Testing
@testable import WhatsApp

@Suite struct TwilioInboundMessageTests {
    private let base: [(String, String)] = [
        ("MessageSid", "SM0123456789abcdef0123456789abcdef"),
        ("AccountSid", "AC0123456789abcdef0123456789abcdef"),
        ("From", "whatsapp:+971501234567"),
        ("To", "whatsapp:+14155238886"),
        ("WaId", "971501234567"),
        ("ProfileName", "عائشة"),
    ]

    private func message(_ extra: [(String, String)]) throws -> TwilioInboundMessage {
        try TwilioInboundMessage(parameters: base + extra)
    }

    @Test func textMessage() throws {
        let message = try self.message([("MessageType", "text"), ("Body", "My invoice is wrong")])
        #expect(message.messageSid == "SM0123456789abcdef0123456789abcdef")
        #expect(message.accountSid == "AC0123456789abcdef0123456789abcdef")
        #expect(message.from == "whatsapp:+971501234567")
        #expect(message.sender.value == "+971501234567")
        #expect(message.sender.isPhone)
        #expect(message.recipient?.value == "+14155238886")
        #expect(message.waId == "971501234567")
        #expect(message.profileName == "عائشة")
        #expect(message.body == "My invoice is wrong")
        #expect(message.triageText == "My invoice is wrong")
        #expect(message.media.isEmpty)
        #expect(message.location == nil)
        #expect(message.referral == nil)
    }

    @Test func rawBodyDecodes() throws {
        let body = "MessageSid=SM1&From=whatsapp%3A%2B971501234567&Body=%D9%85%D8%B1%D8%AD%D8%A8%D8%A7+%F0%9F%91%8B"
        let message = try TwilioInboundMessage(body: Array(body.utf8))
        #expect(message.body == "مرحبا 👋")
        #expect(message.sender.value == "+971501234567")
        #expect(message.parameters.count == 3)
    }

    @Test(arguments: [
        [("From", "whatsapp:+971501234567"), ("Body", "hi")],
        [("MessageSid", ""), ("From", "whatsapp:+971501234567")],
        [("MessageSid", "SM1"), ("Body", "hi")],
        [("MessageSid", "SM1"), ("From", "  ")],
    ])
    func missingSidOrFromThrows(_ parameters: [(String, String)]) {
        #expect(throws: WhatsAppDecodingError.self) { try TwilioInboundMessage(parameters: parameters) }
    }

    @Test func missingFieldNamesTheField() {
        #expect(throws: WhatsAppDecodingError.missingField("From")) {
            try TwilioInboundMessage(parameters: [("MessageSid", "SM1")])
        }
        #expect(throws: WhatsAppDecodingError.missingField("MessageSid")) {
            try TwilioInboundMessage(parameters: [("From", "whatsapp:+971501234567")])
        }
    }

    @Test func brokenBodyThrows() {
        #expect(throws: WhatsAppDecodingError.self) {
            try TwilioInboundMessage(body: Array("MessageSid=SM1&From=%ZZ".utf8))
        }
    }

    @Test func voiceNoteWithoutCaption() throws {
        let message = try self.message([
            ("MessageType", "audio"), ("NumMedia", "1"), ("Body", ""),
            ("MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1"),
            ("MediaContentType0", "audio/ogg"),
        ])
        #expect(message.numMedia == 1)
        #expect(message.media == [TwilioMedia(
            url: "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1",
            contentType: "audio/ogg"
        )])
        #expect(message.triageText == "[voice note]")
    }

    @Test func severalAttachmentsThenCaption() throws {
        let message = try self.message([
            ("MessageType", "image"), ("NumMedia", "3"), ("Body", "the app crashes"),
            ("MediaUrl0", "https://x/0"), ("MediaContentType0", "image/jpeg"),
            ("MediaUrl1", "https://x/1"), ("MediaContentType1", "video/mp4"),
            ("MediaUrl2", "https://x/2"), ("MediaContentType2", "application/pdf"),
        ])
        #expect(message.media.map(\.url) == ["https://x/0", "https://x/1", "https://x/2"])
        #expect(message.triageText == "[image] [video] [document] the app crashes")
    }

    @Test func stickerAndOtherAudio() throws {
        let sticker = try self.message([
            ("MessageType", "sticker"), ("NumMedia", "1"),
            ("MediaUrl0", "https://x/0"), ("MediaContentType0", "image/webp"),
        ])
        #expect(sticker.triageText == "[sticker]")
        let mp3 = try self.message([
            ("MessageType", "audio"), ("NumMedia", "1"),
            ("MediaUrl0", "https://x/0"), ("MediaContentType0", "audio/mpeg"),
        ])
        #expect(mp3.triageText == "[audio]")
    }

    @Test func mediaTypeWithoutURLStillGetsAPlaceholder() throws {
        let message = try self.message([("MessageType", "video"), ("NumMedia", "1")])
        #expect(message.media.isEmpty)
        #expect(message.numMedia == 1)
        #expect(message.triageText == "[video]")
    }

    @Test func location() throws {
        let message = try self.message([
            ("MessageType", "location"), ("Latitude", "25.1972"), ("Longitude", "55.2744"),
            ("Label", "Burj Khalifa"), ("Address", "1 Sheikh Mohammed bin Rashid Blvd"), ("Body", ""),
        ])
        #expect(message.location == WhatsAppLocation(
            latitude: 25.1972, longitude: 55.2744, name: "Burj Khalifa", address: "1 Sheikh Mohammed bin Rashid Blvd"
        ))
        #expect(message.triageText == "[location: Burj Khalifa, 1 Sheikh Mohammed bin Rashid Blvd]")

        let pin = try self.message([("MessageType", "location"), ("Latitude", "-6.2"), ("Longitude", "106.8")])
        #expect(pin.triageText == "[location: -6.2, 106.8]")

        let garbled = try self.message([("Latitude", "north"), ("Longitude", "106.8"), ("Body", "here")])
        #expect(garbled.location == nil)
    }

    @Test func buttonReplyIsNotDuplicated() throws {
        let message = try self.message([
            ("MessageType", "button"), ("ButtonText", "Cancel my plan"), ("ButtonPayload", "CANCEL"),
            ("Body", "Cancel my plan"), ("OriginalRepliedMessageSid", "MM9"),
        ])
        #expect(message.buttonText == "Cancel my plan")
        #expect(message.buttonPayload == "CANCEL")
        #expect(message.repliedToMessageSid == "MM9")
        #expect(message.triageText == "Cancel my plan")
    }

    @Test func referralFields() throws {
        let message = try self.message([
            ("Body", "saw your ad"),
            ("ReferralSourceUrl", "https://fb.me/ad"), ("ReferralSourceId", "1202"), ("ReferralSourceType", "ad"),
            ("ReferralHeadline", "20% off"), ("ReferralBody", "Free delivery"), ("ReferralCtwaClid", "ARAbc"),
            ("ReferralMediaId", "m1"), ("ReferralMediaContentType", "image/jpeg"), ("ReferralMediaUrl", "https://x/ad.jpg"),
            ("ReferralNumMedia", "1"),
        ])
        let referral = try #require(message.referral)
        #expect(referral.sourceURL == "https://fb.me/ad")
        #expect(referral.sourceID == "1202")
        #expect(referral.sourceType == "ad")
        #expect(referral.headline == "20% off")
        #expect(referral.body == "Free delivery")
        #expect(referral.ctwaClid == "ARAbc")
        #expect(referral.mediaID == "m1")
        #expect(referral.mediaType == "image/jpeg")
        #expect(referral.mediaURL == "https://x/ad.jpg")
        #expect(message.triageText == "saw your ad")
    }

    @Test func emptyReferralParametersAreNoReferral() throws {
        let message = try self.message([("ReferralNumMedia", "0"), ("ReferralBody", "")])
        #expect(message.referral == nil)
    }

    @Test func businessScopedSender() throws {
        let message = try TwilioInboundMessage(parameters: [("MessageSid", "SM1"), ("From", "whatsapp:US.13491208655302741918")])
        #expect(!message.sender.isPhone)
        #expect(message.sender.value == "US.13491208655302741918")
        let withWaId = try TwilioInboundMessage(parameters: [
            ("MessageSid", "SM1"), ("From", "whatsapp:US.13491208655302741918"), ("WaId", "971501234567"),
        ])
        #expect(withWaId.sender.value == "+971501234567")
    }

    @Test func unknownTypeWithNothingInItIsMarkedUnsupported() throws {
        let message = try self.message([("MessageType", "poll"), ("Body", "")])
        #expect(message.triageText == "[unsupported message]")
        let forwarded = try self.message([("Forwarded", "true"), ("FrequentlyForwarded", "false"), ("Body", "fwd")])
        #expect(forwarded.isForwarded)
        #expect(!forwarded.isFrequentlyForwarded)
    }
}
