import ServiceLifecycle

extension Service {
    /// The loop of a periodic service: `body` now, then every `interval`, until graceful shutdown
    /// (which cancels the sleep, so shutdown never waits out an interval). `body` is told whether this is
    /// the first round.
    func repeatUntilShutdown(every interval: Duration, _ body: @escaping @Sendable (_ isFirst: Bool) async -> Void) async {
        try? await cancelWhenGracefulShutdown {
            var isFirst = true
            while !Task.isCancelled {
                await body(isFirst)
                isFirst = false
                try await Task.sleep(for: interval)
            }
        }
    }
}
