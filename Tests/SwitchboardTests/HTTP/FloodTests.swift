import Desk
import Foundation
import HTTPTypes
import HummingbirdTesting
import Synchronization
import Testing
@testable import Switchboard

/// Per-sender flood detection: a sliding window per contact, and its effect through the webhook path.
@Suite("Flood protection")
struct FloodTests {
    /// A clock the test moves by hand.
    final class ManualTime: Sendable {
        let origin = ContinuousClock.now
        private let offset = Mutex(Duration.zero)
        func advance(_ by: Duration) { offset.withLock { $0 += by } }
        var now: ContinuousClock.Instant { origin.advanced(by: offset.withLock { $0 }) }
    }

    @Test("more than `limit` messages inside the window is flooding; the window slides")
    func slidingWindow() {
        let time = ManualTime()
        let monitor = SenderFloodMonitor(limit: 3, window: .seconds(60), now: { time.now })
        let spammer = ContactKey.phone("+971500000001"), customer = ContactKey.phone("+971500000002")
        var flags: [Bool] = []
        for _ in 0..<5 {
            flags.append(monitor.record(spammer))
            time.advance(.seconds(10))
        }
        #expect(flags == [false, false, false, true, true])
        #expect(monitor.record(customer) == false, "another sender is unaffected")
        // The last four spammer messages were at 10…40 s; at 71 s only those at 20, 30 and 40 s count.
        time.advance(.seconds(21))
        #expect(monitor.record(spammer) == true)
        time.advance(.seconds(61))
        #expect(monitor.record(spammer) == false, "a minute of quiet resets the sender")
    }

    @Test("idle senders are forgotten, so memory stays bounded")
    func idleSendersAreSwept() {
        let time = ManualTime()
        let monitor = SenderFloodMonitor(limit: 10, window: .seconds(60), now: { time.now })
        for index in 0..<5_000 {
            _ = monitor.record(.phone("+9715\(String(format: "%08d", index))"))
            time.advance(.milliseconds(100))
        }
        #expect(monitor.trackedSenders < 2_000)
    }

    @Test("through the webhook: a flooding sender's messages are all stored, flagged beyond ten a minute")
    func floodingSenderIsFlaggedNotDropped() async throws {
        let harness = try WebhookHarness()
        let path = "/webhooks/twilio"
        let requests = (0..<12).map { index -> ([(String, String)], String) in
            let params = WebhookHarness.twilioInbound(sid: String(format: "SMflood%026d", index), from: "+971501111111", body: "hello \(index)")
            return (params, WebhookHarness.swiftSignature(path: path, params: params))
        }
        let calm = WebhookHarness.twilioInbound(sid: "SMcalm000000000000000000000000001", from: "+971502222222", body: "my invoice")
        try await harness.withServer { client in
            for (params, signature) in requests {
                expectStatus(try await WebhookHarness.postTwilio(client, path, params: params, signature: signature), .ok)
            }
            let response = try await WebhookHarness.postTwilio(
                client, path, params: calm, signature: WebhookHarness.swiftSignature(path: path, params: calm))
            #expect(response.status == .ok)
        }
        #expect(try harness.stored().count == 13)
        let calls = harness.listener.recorded
        #expect(calls.filter { $0.contact == "+971501111111" }.map(\.isFlooding) == Array(repeating: false, count: 10) + [true, true])
        #expect(calls.first { $0.contact == "+971502222222" }?.isFlooding == false)
    }

    @Test("concurrent records from many tasks are counted exactly")
    func concurrentRecordsAreExact() async {
        let monitor = SenderFloodMonitor(limit: 10, window: .seconds(3600))
        let spammer = ContactKey.phone("+971503333333")
        let flags = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<1_000 {
                group.addTask { monitor.record(index.isMultiple(of: 100) ? .phone("+97150\(index)") : spammer) }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(flags.filter { !$0 }.count == 10 + 10, "ten for the spammer, and every one-off sender")
    }
}
