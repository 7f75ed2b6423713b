import Desk
import Foundation
import GRDB
import Store

/// `switchboard report` over 100,000 tickets on disk (about 175,000 messages and 530,000 events), against
/// one plain scan of every row of the same three tables measured in the same run: a ratio near 1 means
/// a report costs about one pass over the data.
///
/// The database is seeded directly with one prepared statement per table in a single transaction (the
/// store's own APIs commit per message and would take minutes), with a realistic shape: 20,000
/// customers, tickets spread over 30 days, most answered by an agent and closed, a few reopened, every
/// ticket with its received, triaged and routed events.
enum ReportBenchmark {
    static let ticketCount = 100_000
    static let span: TimeInterval = 30 * 86_400

    static func run() throws -> [BenchmarkRow] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-bench-report-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("report.sqlite").path
        let now = Date()
        _ = try AppDatabase.open(path: path)
        let seedStart = ContinuousClock.now
        let pool = try DatabasePool(path: path)
        let counts = try pool.write { db in
            try seed(db, now: now)
            return try ["messages", "events"].map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? 0 }
        }
        try pool.close()
        FileHandle.standardError.write(Data(("  seeded \(ticketCount) tickets, \(counts[0]) messages, \(counts[1]) events in "
            + "\((ContinuousClock.now - seedStart).components.seconds) s\n").utf8))

        let database = try AppDatabase.openReadOnly(path: path)
        let reader = database.reader
        // The baseline steps through every row of the three tables once, decoding nothing: what any
        // report over the whole history costs at least if it read the rows instead of letting SQLite
        // narrow them.
        let baseline = try milliseconds {
            try reader.read { db in
                for table in ["tickets", "messages", "events"] {
                    let rows = try Row.fetchCursor(db, sql: "SELECT * FROM \(table)")
                    var count = 0
                    while try rows.next() != nil { count += 1 }
                    blackHole(count)
                }
            }
        }
        var rows: [BenchmarkRow] = []
        for days in [30, 7] {
            let settings = ReportSettings(last: TimeInterval(days) * 86_400, endingAt: now)
            let report = try database.report(settings)
            precondition(days != 30 || report.opened == ticketCount, "the 30-day report covers every seeded ticket")
            let value = try milliseconds { blackHole(try database.report(settings)) }
            rows.append(BenchmarkRow(
                name: "report --since \(days)d, 100k tickets", unit: "ms", value: value,
                baselineName: "scan of tickets, messages, events", baseline: baseline, higherIsBetter: false))
        }
        return rows
    }

    /// The median of several timed runs after a warm-up, in milliseconds.
    static func milliseconds(runs: Int = 7, _ body: () throws -> Void) throws -> Double {
        try body()
        var samples: [Double] = []
        for _ in 0..<runs {
            let start = ContinuousClock.now
            try body()
            let elapsed = ContinuousClock.now - start
            samples.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
        }
        return samples.sorted()[runs / 2]
    }

    static func seed(_ db: Database, now: Date) throws {
        let customers = 20_000
        let agents = ["founder", "aisha", "techlead", "omar", "lina"]
        let categories = ["support", "support", "support", "billing", "billing", "bug_report", "feature_request", "churn_risk", "no_action"]
        let insertCustomer = try db.makeStatement(sql: "INSERT INTO customers (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)")
        let created = now.addingTimeInterval(-span - 86_400)
        for id in 1...customers {
            try insertCustomer.execute(arguments: [id, "Customer \(id)", created, created])
        }
        let insertTicket = try db.makeStatement(sql: """
            INSERT INTO tickets (id, customer_id, state, category, confidence, channel, owner, routed_owner, team, route_rule,
                                 route_channel, created_at, updated_at, closed_at)
            VALUES (?, ?, ?, ?, 0.9, ?, ?, ?, 'support', 'routing[0]', '#support', ?, ?, ?)
            """)
        let insertMessage = try db.makeStatement(sql: """
            INSERT INTO messages (ticket_id, direction, channel, provider_id, text, status, received_at, author)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertEvent = try db.makeStatement(sql: "INSERT INTO events (ticket_id, actor, kind, detail, at) VALUES (?, ?, ?, '{}', ?)")
        for id in 1...ticketCount {
            let opened = now.addingTimeInterval(-span + span * Double(id - 1) / Double(ticketCount))
            let category = categories[pick(id, 1, categories.count)]
            let channel = id % 3 == 0 ? "email" : "whatsapp"
            let agent = agents[pick(id, 2, agents.count)]
            // Nothing happens after `now`: a reply or close that would falls in the backlog instead.
            let replyAt = opened.addingTimeInterval(300 + Double(pick(id, 4, 8 * 3600)))
            let answered = category != "no_action" && pick(id, 3, 100) < 85 && replyAt < now
            let closeAt = replyAt.addingTimeInterval(Double(pick(id, 5, 3 * 86_400)))
            let closed = category == "no_action" || (answered && closeAt.addingTimeInterval(2) < now && pick(id, 6, 100) < 90)
            let reopened = closed && category != "no_action" && pick(id, 7, 100) < 3
            let firstClose = category == "no_action" ? opened : closeAt
            // A reopened ticket was closed again two seconds later; the ticket keeps the last close.
            let closedAt = reopened ? firstClose.addingTimeInterval(2) : firstClose
            let state = closed ? "closed" : (answered ? "awaiting_customer" : "open")
            let owner: String? = answered ? agent : nil
            try insertTicket.execute(arguments: [
                id, 1 + id % customers, state, category, channel, owner, agents[id % agents.count], opened,
                closed ? closedAt : opened, closed ? closedAt : nil,
            ])
            try insertMessage.execute(arguments: [id, "in", channel, "in-\(id)", "Customer message \(id)", "received", opened, "Customer"])
            try insertEvent.execute(arguments: [id, "customer", "received", opened])
            try insertEvent.execute(arguments: [id, "system", "triaged", opened])
            try insertEvent.execute(arguments: [id, "system", "routed", opened])
            if answered {
                try insertEvent.execute(arguments: [id, agent, "claimed", opened.addingTimeInterval(120)])
                try insertMessage.execute(arguments: [id, "out", channel, nil, "Agent reply \(id)", "delivered", replyAt, agent])
                try insertEvent.execute(arguments: [id, agent, "queued", replyAt])
            }
            if closed {
                try insertEvent.execute(arguments: [id, category == "no_action" ? "system" : agent, "closed", firstClose])
            }
            if reopened {
                try insertEvent.execute(arguments: [id, "customer", "reopened", firstClose.addingTimeInterval(1)])
                try insertEvent.execute(arguments: [id, agent, "closed", closedAt])
            }
        }
    }

    /// A pseudo-random number below `bound` for ticket `id` and a salt (a SplitMix64 finaliser), so
    /// every run seeds the same database.
    static func pick(_ id: Int, _ salt: UInt64, _ bound: Int) -> Int {
        var z = UInt64(id) &* 0x9E37_79B9_7F4A_7C15 &+ salt &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 30)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
