import Desk
import Testing

@Suite struct OutboxBackoffTests {
    @Test func doublesUpToTheCap() {
        let backoff = OutboxBackoff(base: .seconds(5), cap: .seconds(60), maxAttempts: 8)
        #expect(backoff.delay(afterAttempt: 1) == .seconds(5))
        #expect(backoff.delay(afterAttempt: 2) == .seconds(10))
        #expect(backoff.delay(afterAttempt: 4) == .seconds(40))
        #expect(backoff.delay(afterAttempt: 5) == .seconds(60))
        #expect(backoff.delay(afterAttempt: 500) == .seconds(60))
    }

    @Test func retryAfterWinsWhenLonger() {
        let backoff = OutboxBackoff(base: .seconds(5), cap: .seconds(60))
        #expect(backoff.delay(afterAttempt: 1, retryAfter: .seconds(120)) == .seconds(120))
        #expect(backoff.delay(afterAttempt: 3, retryAfter: .seconds(1)) == .seconds(20))
    }

    @Test func givesUpAfterMaxAttempts() {
        let backoff = OutboxBackoff(maxAttempts: 3)
        #expect(backoff.allowsRetry(afterAttempts: 2))
        #expect(!backoff.allowsRetry(afterAttempts: 3))
    }
}
