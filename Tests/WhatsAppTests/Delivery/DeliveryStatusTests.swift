import Testing
@testable import WhatsApp

@Suite struct DeliveryStatusTests {
    @Test func rawValuesAreTheExportContract() {
        #expect(DeliveryStatus.allCases.map(\.rawValue).sorted() == ["delivered", "failed", "queued", "read", "sent", "unknown"])
    }

    @Test(arguments: [
        ("accepted", DeliveryStatus.queued), ("scheduled", .queued), ("queued", .queued), ("sending", .queued),
        ("sent", .sent), ("delivered", .delivered), ("partially_delivered", .delivered), ("read", .read),
        ("undelivered", .failed), ("failed", .failed), ("canceled", .failed), ("receiving", .unknown),
        ("received", .unknown), ("brand_new", .unknown), ("READ", .read),
    ])
    func twilioMapping(_ raw: String, _ expected: DeliveryStatus) {
        #expect(DeliveryStatus(twilio: TwilioMessageStatus(rawValue: raw)) == expected)
    }

    @Test(arguments: [
        ("sent", DeliveryStatus.sent), ("delivered", .delivered), ("read", .read), ("played", .read),
        ("failed", .failed), ("deleted", .unknown), ("warning", .unknown), ("later", .unknown),
    ])
    func metaMapping(_ raw: String, _ expected: DeliveryStatus) {
        #expect(DeliveryStatus(meta: MetaMessageStatus(rawValue: raw)) == expected)
    }
}
