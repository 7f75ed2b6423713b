import Desk
import Foundation
import Store
import Synchronization

/// A small desk history at times relative to now, on disk where `switchboard report` finds it.
///
/// - A: WhatsApp support, opened 3 days ago, answered by aisha 30 minutes later, closed 2 days 1 hour ago.
/// - B: email churn risk from a customer with a hostile name, opened a day ago, routed to founder,
///   never answered (a missed 4h SLA).
/// - C: WhatsApp billing, opened 10 minutes ago (SLA not yet due).
struct ReportHistory {
    static let hostileName = "<img src=x onerror=alert(1)>\u{1B}[31mZed & \"Co\""

    var folder: URL
    var config: String
    var tickets: [String: Int64]

    static func make() async throws -> ReportHistory {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-report-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let config = folder.appendingPathComponent("switchboard.yaml").path
        try "storage: {path: var/switchboard.sqlite}\n".write(toFile: config, atomically: true, encoding: .utf8)
        let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        let clock = Clock(now.addingTimeInterval(-3 * 86_400))
        let database = try AppDatabase.open(path: folder.appendingPathComponent("var/switchboard.sqlite").path, now: clock.read)
        func triage(_ category: Desk.Category) -> TriageSummary {
            TriageSummary(category: category, confidence: 0.9, urgency: .normal, lang: "en")
        }
        var tickets: [String: Int64] = [:]
        tickets["A"] = try await database.ingest(
            InboundMessage(channel: .whatsapp, providerID: "SMreportA", contact: .phone("+971501110001"), displayName: "Amal", text: "kettle broke"),
            triage: triage(.support)).ticketID
        clock.set(now.addingTimeInterval(-3 * 86_400 + 1800))
        _ = try await database.enqueueOutbound(OutboundDraft(
            ticketID: tickets["A"]!, channel: .whatsapp, text: "A new kettle ships today, with you by Friday.",
            payload: Data(#"{"body":"x"}"#.utf8), author: "aisha"))
        clock.set(now.addingTimeInterval(-2 * 86_400 - 3600))
        _ = try await database.apply(.closed(resolution: "replaced"), toTicket: tickets["A"]!, actor: "aisha")
        clock.set(now.addingTimeInterval(-86_400))
        tickets["B"] = try await database.ingest(
            InboundMessage(channel: .email, providerID: "b@zed.example", contact: .email("ceo@zed.example"), displayName: hostileName,
                           text: "We will move to Zoho unless this is fixed", subject: "Renewal"),
            triage: triage(.churnRisk)).ticketID
        _ = try await database.route(ticketID: tickets["B"]!, decision: RouteDecision(rule: "routing[0]", channel: "#churn", owner: "founder"))
        clock.set(now.addingTimeInterval(-600))
        tickets["C"] = try await database.ingest(
            InboundMessage(channel: .whatsapp, providerID: "SMreportC", contact: .phone("+971501110003"), displayName: "Chen", text: "charged twice"),
            triage: triage(.billing)).ticketID
        return ReportHistory(folder: folder, config: config, tickets: tickets)
    }

    /// Runs `switchboard report --html` on the history and returns the page, with the text on stdout.
    func writeHTML() async throws -> (page: URL, result: SwitchboardBinary.Result) {
        let page = folder.appendingPathComponent("report.html")
        let result = try await SwitchboardBinary.run(["report", "--config", config, "--html", page.path])
        return (page, result)
    }

    /// The time the history's database believes it is.
    final class Clock: Sendable {
        private let current: Mutex<Date>
        init(_ start: Date) { current = Mutex(start) }
        func set(_ date: Date) { current.withLock { $0 = date } }
        var read: @Sendable () -> Date { { [self] in current.withLock { $0 } } }
    }
}
