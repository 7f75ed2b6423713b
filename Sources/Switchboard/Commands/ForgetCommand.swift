import ArgumentParser
import Desk
import Foundation
import Store

/// `switchboard forget --config PATH --customer ID`: erases one customer's personal data and message
/// texts everywhere, the event log included, leaving one anonymised erasure event (DESIGN.md's one
/// exception to the append-only log).
struct ForgetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget", abstract: "Erase one customer's data, leaving an anonymised erasure event.")

    @Option(name: .long, help: "Path to the YAML config file.")
    var config: String

    @Option(name: .long, help: "The customer's integer id (the `customer` field of export).")
    var customer: Int64

    @Option(name: .long, help: "Who asked, for the erasure event.")
    var actor: String = "operator"

    func run() async throws {
        let settings = try SwitchboardConfig.loadOrExit(config)
        do {
            let database = try AppDatabase.open(path: settings.storagePath)
            let event = try await database.forgetCustomer(id: customer, actor: actor)
            let counts = event.detail.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            print("forget: customer \(customer) erased (\(counts))")
        } catch {
            FileHandle.standardError.write(Data("forget: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
