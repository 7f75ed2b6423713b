import ArgumentParser
import Desk
import Foundation
import Mail
import Store
import Triage

/// `switchboard ingest-email --config PATH [FILE]`: the MDA pipe for Postfix, fetchmail or getmail.
///
/// Exit codes are sysexits(3), which every MTA understands: 0 stored or duplicate; 65 (EX_DATAERR) for
/// input that is not a message at all; 75 (EX_TEMPFAIL) for config or database trouble, so the MTA
/// keeps the mail and retries and nothing is lost.
struct IngestEmailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest-email", abstract: "Store one RFC 5322 message from FILE or standard input (MDA pipe).")

    @Option(name: .long, help: "Path to the YAML config file.")
    var config: String

    @Argument(help: "The message file; standard input when absent.")
    var file: String?

    func run() async throws {
        let settings = try SwitchboardConfig.loadOrExit(config, failure: ExitCode(75))
        let raw = try EmailInput.read(file)
        guard raw.count <= settings.http.emailBodyLimit else {
            fail("message is \(raw.count) bytes, over the \(settings.http.emailBodyLimit)-byte limit", code: 65)
        }
        let email: ParsedEmail
        do {
            email = try EmailParser.parse(raw)
        } catch {
            fail("not an email message (no header section)", code: 65)
        }
        guard let inbound = EmailIntake.inboundMessage(from: email, raw: raw) else {
            fail("the message has no usable From address", code: 65)
        }
        do {
            let database = try AppDatabase.open(path: settings.storagePath)
            // Routed and timed in the same transaction; the running desk finds the ticket in the event log.
            let pipeline = IntakePipeline(database: database, triager: ModelTriager(model: try TriageModel.load()),
                                          listener: DiscardingIntakeListener(), rules: settings.intakeRules(origin: IntakeOrigin.ingestEmail))
            let outcome = try await pipeline.accept(inbound)
            print(outcome.isDuplicate ? "duplicate of a stored message (ticket #\(outcome.ticketID))" : "stored on ticket #\(outcome.ticketID)")
        } catch {
            fail("could not store the message, the MTA should retry: \(error)", code: 75)
        }
    }

    private func fail(_ message: String, code: Int32) -> Never {
        FileHandle.standardError.write(Data("ingest-email: \(message)\n".utf8))
        Foundation.exit(code)
    }
}
