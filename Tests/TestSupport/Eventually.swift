/// Polls `condition` until it holds; throws, naming `what`, after `timeout`. Tests and benchmarks wait
/// for things that happen in other processes (a server, the bot), where there is nothing to await.
public func eventually(_ what: String, timeout: Duration = .seconds(60), every interval: Duration = .milliseconds(100),
                       _ condition: () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now.advanced(by: timeout)
    while ContinuousClock.now < deadline {
        if try await condition() { return }
        try await Task.sleep(for: interval)
    }
    throw TestNetworkError(message: "timed out waiting for \(what)")
}

/// Runs `body`, then `cleanup` whether or not `body` threw, and waits for it: the `defer` that can
/// `await`, for stopping what a test started before the test ends.
public func withCleanup<T>(_ body: () async throws -> T, cleanup: () async -> Void) async throws -> T {
    let value: T
    do {
        value = try await body()
    } catch {
        await cleanup()
        throw error
    }
    await cleanup()
    return value
}
