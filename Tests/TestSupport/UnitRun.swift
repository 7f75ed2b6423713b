import Foundation
public import Testing

/// `make unit` runs the tests that need no root, no server processes (the InspIRCd/Atheme/ngIRCd
/// testnet, the Python fixture servers, `switchboard serve`, Chromium) and nothing from apt or pip.
///
/// It sets `SWITCHBOARD_UNIT_ONLY=1`. A suite or test that needs any of those carries `.needsServers`,
/// which skips it there; and every helper that starts such a thing calls `UnitRun.requireServers`,
/// which fails the test, so one that slips into `make unit` unmarked fails instead of quietly running.
public enum UnitRun {
    public static let isActive = ProcessInfo.processInfo.environment["SWITCHBOARD_UNIT_ONLY"] == "1"

    public static func requireServers(_ what: String) throws {
        guard isActive else { return }
        throw TestNetworkError(message: """
            \(what) is not available in `make unit` (SWITCHBOARD_UNIT_ONLY=1): mark the suite or test that \
            needs it with `.needsServers`
            """)
    }
}

extension Trait where Self == ConditionTrait {
    /// Skipped by `make unit`: the test starts a server process or needs an apt or pip package.
    public static var needsServers: Self {
        .disabled(if: UnitRun.isActive, "needs server processes or test-deps packages; `make test` runs it")
    }
}
