import ServiceLifecycle

/// Fires the desk's durable follow-up timers as they fall due, and posts the churn watch's digests. It polls rather than sleeping until the
/// next due time, so that timers scheduled by another process (or while it slept) are never late by
/// more than one interval.
struct FollowUpService: Service {
    let desk: DeskBot
    var pollInterval: Duration = .seconds(5)

    func run() async throws {
        await repeatUntilShutdown(every: pollInterval) { [desk] _ in
            await desk.fireDueTimers()
            await desk.postDueChurnDigests()
        }
    }
}
