import Desk
import Foundation
import IRC
import IRCClient
import Logging
import ServiceLifecycle
import Store
import WhatsApp

/// Sends committed outbox rows, one at a time, and tells the ticket's channel what happened.
///
/// At start, rows left `in_flight` by a crash become `unknown`: the request may have reached the
/// provider, so they are shown to agents as "delivery unknown" and never resent automatically.
struct OutboxWorker: Service {
    let database: AppDatabase
    let senders: [Channel: any OutboundSender]
    let output: (any ChatOutput)?
    let logger: Logger
    var pollInterval: Duration = .milliseconds(500)
    var commandPrefix = "!"

    func run() async throws {
        for item in try await database.recoverInFlightOutbox() {
            await tell(item.ticketID, "#\(item.ticketID) delivery unknown: Switchboard stopped while sending outbox \(item.id). Check with the customer before sending again.")
        }
        // Graceful shutdown cancels the loop; a send cut off mid-request is recorded as unknown, never resent blindly.
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    if try await sendNext() { continue }
                } catch {
                    logger.error("outbox: \(error)")
                }
                try await Task.sleep(for: pollInterval)
            }
        }
    }

    /// Sends one due row; false when none was due.
    func sendNext() async throws -> Bool {
        guard let item = try await database.claimNextOutbox() else { return false }
        let started = ContinuousClock.now
        let result = await senders[item.channel]?.send(item) ?? .failed(error: "no \(item.channel.rawValue) sender is configured")
        DeskMetrics.outbound(item.channel, result: result.metricName, duration: started.duration(to: .now))
        _ = try await database.recordOutboxResult(id: item.id, result)
        let via = item.channel == .whatsapp ? "WhatsApp" : "email"
        switch result {
        case .sent(let providerID):
            logger.info("outbox \(item.id) for #\(item.ticketID) sent", metadata: ["provider_id": "\(providerID ?? "-")"])
            await tell(item.ticketID, "#\(item.ticketID) sent via \(botText: via) ✓")
        case .retryable(let error, _):
            logger.warning("outbox \(item.id) for #\(item.ticketID) will be retried: \(error)")
        case .failed(let error, let code):
            if WhatsAppErrorExplanation.lookup(code)?.needsTemplate == true {
                await tell(item.ticketID, "#\(item.ticketID) could not be sent: outside WhatsApp's 24-hour window (error \(code ?? "")) — use \(botText: commandPrefix)template \(item.ticketID) NAME")
            } else {
                let codeText: IRCLine = code.map { " (error \($0))" } ?? ""
                await tell(item.ticketID, "#\(item.ticketID) could not be sent via \(botText: via)\(codeText): \(error)")
            }
        case .unknown(let error):
            await tell(item.ticketID, "#\(item.ticketID) delivery unknown via \(botText: via): \(error). It will not be resent automatically.")
        }
        return true
    }

    private func tell(_ ticketID: Int64, _ text: IRCLine) async {
        guard let output else { return }
        await TicketNotifier(database: database, output: output).tell(ticketID, text)
    }
}

extension OutboxResult {
    var metricName: String {
        switch self {
        case .sent: "sent"
        case .retryable: "retry"
        case .failed: "failed"
        case .unknown: "unknown"
        }
    }
}
