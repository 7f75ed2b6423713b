import Testing
@testable import WhatsApp

@Suite struct TwilioStatusCallbackTests {
    @Test func readCallback() throws {
        let callback = try TwilioStatusCallback(body: Array(
            "MessageSid=SM1&MessageStatus=read&ChannelPrefix=whatsapp&To=whatsapp%3A%2B971501234567&ErrorCode=&ErrorMessage=".utf8
        ))
        #expect(callback.messageSid == "SM1")
        #expect(callback.status == .read)
        #expect(callback.deliveryStatus == .read)
        #expect(callback.errorCode == nil)
        #expect(callback.errorMessage == nil)
        #expect(callback.recipient?.value == "+971501234567")
    }

    @Test func failureWithErrorCode() throws {
        let callback = try TwilioStatusCallback(parameters: [
            ("MessageSid", "SM2"), ("MessageStatus", "undelivered"), ("ErrorCode", "63016"), ("ErrorMessage", ""),
        ])
        #expect(callback.status == .undelivered)
        #expect(callback.deliveryStatus == .failed)
        #expect(callback.errorCode == 63016)
        #expect(callback.errorMessage == nil)
        #expect(callback.errorExplanation?.needsTemplate == true)
    }

    @Test(arguments: TwilioMessageStatus.documented)
    func everyDocumentedStatusRoundTrips(_ status: TwilioMessageStatus) throws {
        let callback = try TwilioStatusCallback(parameters: [("MessageSid", "SM3"), ("MessageStatus", status.rawValue)])
        #expect(callback.status == status)
        if case .other = callback.status {
            Issue.record("\(status.rawValue) decoded as unknown")
        }
    }

    @Test func unknownStatusIsKeptRaw() throws {
        let callback = try TwilioStatusCallback(parameters: [("MessageSid", "SM4"), ("MessageStatus", "teleported")])
        #expect(callback.status == .other("teleported"))
        #expect(callback.status.rawValue == "teleported")
        #expect(callback.deliveryStatus == .unknown)
    }

    @Test func smsStatusIsTheFallback() throws {
        let callback = try TwilioStatusCallback(parameters: [("SmsSid", "SM5"), ("SmsStatus", "sent")])
        #expect(callback.messageSid == "SM5")
        #expect(callback.status == .sent)
    }

    @Test func missingFieldsThrow() {
        #expect(throws: WhatsAppDecodingError.missingField("MessageSid")) {
            try TwilioStatusCallback(parameters: [("MessageStatus", "sent")])
        }
        #expect(throws: WhatsAppDecodingError.missingField("MessageStatus")) {
            try TwilioStatusCallback(parameters: [("MessageSid", "SM6")])
        }
    }
}
