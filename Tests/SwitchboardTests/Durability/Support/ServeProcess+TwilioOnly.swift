import Foundation
import TestSupport

extension ServeProcess {
    /// A `serve` with only the Twilio webhook configured, its database at `databasePath`, and its config
    /// and logs in `folder`; started and healthy when this returns.
    static func startTwilioOnly(databasePath: String, folder: URL) async throws -> ServeProcess {
        let port = try FreePort.pick()
        let configPath = try OperationsCommandTests.config(folder: folder, port: port, storage: databasePath)
        let server = ServeProcess(configPath: configPath, environment: OperationsCommandTests.environment, port: port, logFolder: folder)
        try server.start()
        try await server.waitUntilHealthy()
        return server
    }
}
