import Testing
@testable import WhatsApp

@Suite struct DeliveryStatusTests {
    @Test func lateSentNeverOverwritesRead() {
        #expect(DeliveryStatus.read.merging(.sent) == .read)
        #expect(DeliveryStatus.read.merging(.delivered) == .read)
        #expect(DeliveryStatus.delivered.merging(.sent) == .delivered)
        #expect(!DeliveryStatus.read.isSuperseded(by: .sent))
    }

    @Test func progressAdvances() {
        #expect(DeliveryStatus.queued.merging(.sent) == .sent)
        #expect(DeliveryStatus.sent.merging(.delivered) == .delivered)
        #expect(DeliveryStatus.sent.merging(.read) == .read)
        #expect(DeliveryStatus.unknown.merging(.queued) == .queued)
    }

    @Test func failureRules() {
        #expect(DeliveryStatus.sent.merging(.failed) == .failed)
        #expect(DeliveryStatus.failed.merging(.sent) == .failed)
        #expect(DeliveryStatus.failed.merging(.delivered) == .delivered)
        #expect(DeliveryStatus.delivered.merging(.failed) == .delivered)
    }

    @Test func unknownNeverOverwritesAnything() {
        for status in DeliveryStatus.allCases {
            #expect(status.merging(.unknown) == status)
        }
    }

    @Test func anyArrivalOrderEndsAtTheFurthestStatus() {
        let reports: [DeliveryStatus] = [.queued, .sent, .delivered, .read]
        for first in reports {
            for second in reports {
                for third in reports {
                    let merged = [first, second, third].reduce(DeliveryStatus.unknown) { $0.merging($1) }
                    let furthest = [first, second, third].max { reports.firstIndex(of: $0)! < reports.firstIndex(of: $1)! }!
                    #expect(merged == furthest)
                }
            }
        }
    }

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
