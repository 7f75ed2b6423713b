public import Desk
public import Foundation
import GRDB

/// The churn watch's reads: churn risks opened or closed in a period, for the weekly summary.
extension AppDatabase {
    public func churnTickets(openedSince start: Date) async throws -> [Ticket] {
        try await churnTickets(TicketRecord.Columns.createdAt >= start)
    }

    public func churnTickets(closedSince start: Date) async throws -> [Ticket] {
        try await churnTickets(TicketRecord.Columns.closedAt >= start)
    }

    private func churnTickets(_ period: SQLExpression) async throws -> [Ticket] {
        try await reader.read { db in
            try TicketRecord
                .filter(TicketRecord.Columns.category == Desk.Category.churnRisk.rawValue)
                .filter(period)
                .order(TicketRecord.Columns.id)
                .fetchAll(db)
                .map(\.ticket)
        }
    }
}
