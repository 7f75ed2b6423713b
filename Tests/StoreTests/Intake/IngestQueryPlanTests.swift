import Desk
import Foundation
import GRDB
import Store
import Synchronization
import Testing

/// Intake runs inside the one write transaction every webhook waits for, so a statement that scans a
/// table makes every message slower as the desk grows. Each statement an ingest runs is checked with
/// EXPLAIN QUERY PLAN against a database holding the schema.
@Suite struct IngestQueryPlanTests {
    static let rules = GroupCommitTests.rules

    @Test("every statement of an ingest (WhatsApp, email, a reply, a delivery status) searches an index; none scans a table")
    func noTableScans() async throws {
        let (database, queue) = try Fixtures.database()
        // Something in each table, so the planner has the real choice to make.
        _ = try await database.ingest(Fixtures.whatsapp("SM0", from: "+971500000000"), triage: Fixtures.triage(), rules: Self.rules)
        let statements = Mutex<[String]>([])
        try await queue.write { db in
            db.trace(options: .statement) { event in
                if case .statement(let statement) = event { statements.withLock { $0.append(statement.expandedSQL) } }
            }
        }
        _ = try await database.ingest(Fixtures.whatsapp("SM1", from: "+971500000001"), triage: Fixtures.triage(), rules: Self.rules)
        _ = try await database.ingest(Fixtures.whatsapp("SM2", from: "+971500000001"), triage: Fixtures.triage(), rules: Self.rules)
        _ = try await database.ingest(Fixtures.email("m1@example", references: ["<a@x>", "<b@x>"]), triage: Fixtures.triage(),
                                      rules: Self.rules)
        _ = try await database.ingest(Fixtures.email("m2@example", inReplyTo: "<m1@example>"), triage: Fixtures.triage(.noAction),
                                      rules: Self.rules)
        _ = try await database.updateDeliveryStatus(channel: .whatsapp, providerID: "SMout", status: .delivered)
        try await queue.write { db in db.trace(options: .statement, nil) }

        let queries = statements.withLock { $0 }.filter {
            let verb = $0.prefix(6).uppercased()
            return verb == "SELECT" || verb == "UPDATE" || verb == "DELETE"
        }
        #expect(queries.count > 10, "the trace saw the ingest's statements: \(queries)")
        for sql in Set(queries) {
            let plan = try await queue.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }
            }
            let scans = plan.filter { $0.hasPrefix("SCAN ") && !$0.contains("USING") }
            #expect(scans.isEmpty, "\(sql)\n\(plan.joined(separator: "\n"))")
        }
    }
}
