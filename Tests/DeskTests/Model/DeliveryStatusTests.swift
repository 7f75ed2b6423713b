import Desk
import Testing

@Suite struct DeliveryStatusTests {
    @Test(arguments: [
        ("queued", DeliveryStatus.queued), ("sending", .queued), ("accepted", .queued), ("sent", .sent),
        ("delivered", .delivered), ("read", .read), ("failed", .failed), ("undelivered", .failed), ("READ", .read),
    ])
    func mapsProviderWords(word: String, status: DeliveryStatus) {
        #expect(DeliveryStatus(providerStatus: word) == status)
    }

    @Test func ignoresWordsThatAreNotAboutOutboundMessages() {
        #expect(DeliveryStatus(providerStatus: "receiving") == nil)
        #expect(DeliveryStatus(providerStatus: "received") == nil)
    }

    @Test func progressOnlyOrdersTheHappyPath() {
        #expect(DeliveryStatus.queued.progress < DeliveryStatus.sent.progress)
        #expect(DeliveryStatus.sent.progress < DeliveryStatus.delivered.progress)
        #expect(DeliveryStatus.delivered.progress < DeliveryStatus.read.progress)
        #expect(DeliveryStatus.rawValuesAreStable)
    }
}

extension DeliveryStatus {
    /// The raw values are the export contract.
    static var rawValuesAreStable: Bool {
        allCases.map(\.rawValue) == ["received", "queued", "sent", "delivered", "read", "failed", "unknown"]
    }
}
