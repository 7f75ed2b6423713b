import Desk
import Testing

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
        #expect(DeliveryStatus.unknown.merging(.sent) == .sent)
    }

    @Test func failureRules() {
        #expect(DeliveryStatus.queued.merging(.failed) == .failed)
        #expect(DeliveryStatus.sent.merging(.failed) == .failed)
        #expect(DeliveryStatus.failed.merging(.sent) == .failed)
        #expect(DeliveryStatus.failed.merging(.failed) == .failed)
        #expect(!DeliveryStatus.failed.isSuperseded(by: .failed))
        #expect(DeliveryStatus.failed.merging(.delivered) == .delivered)
        #expect(DeliveryStatus.delivered.merging(.failed) == .delivered)
        #expect(DeliveryStatus.read.merging(.failed) == .read)
    }

    @Test func unknownAndReceivedNeverOverwriteAnything() {
        for status in DeliveryStatus.allCases {
            #expect(status.merging(.unknown) == status)
            #expect(status.merging(.received) == status)
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
        #expect(DeliveryStatus.allCases.map(\.rawValue) == ["received", "queued", "sent", "delivered", "read", "failed", "unknown"])
    }
}
