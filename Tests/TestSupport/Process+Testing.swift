public import Foundation

extension Process {
    /// `run()` with an empty signal mask in the child.
    ///
    /// Foundation's `Process` spawns without resetting the signal mask, and a Swift concurrency thread
    /// (a Dispatch worker) blocks nearly every signal; the child, and everything it starts in turn, would
    /// keep SIGTERM blocked and ignore `kill`. That is how a demo's `provider_stub.py` outlived a whole
    /// `make test`. `posix_spawn` copies the calling thread's mask, so the mask is cleared around it.
    public func runUnmasked() throws {
        var empty = sigset_t(), saved = sigset_t()
        sigemptyset(&empty)
        pthread_sigmask(SIG_SETMASK, &empty, &saved)
        defer { pthread_sigmask(SIG_SETMASK, &saved, nil) }
        try run()
    }

    /// SIGTERM, then SIGKILL when the process is still there after `grace`; returns once it has exited.
    public func stop(grace: Duration = .seconds(5)) {
        guard isRunning else { return }
        terminate()
        let deadline = ContinuousClock.now.advanced(by: grace)
        while isRunning, ContinuousClock.now < deadline { usleep(20_000) }
        if isRunning { kill(processIdentifier, SIGKILL) }
        waitUntilExit()
    }
}
