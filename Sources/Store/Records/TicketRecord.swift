import Desk
import Foundation
import GRDB

/// Row of `tickets`.
struct TicketRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord, StoredDateRecord {
    static let databaseTableName = "tickets"

    var id: Int64?
    var customerID: Int64
    var state: TicketState
    var category: Desk.Category?
    var confidence: Double?
    var urgency: Urgency
    var lang: String?
    var channel: Channel
    var owner: String?
    var routedOwner: String?
    var team: String?
    var routeRule: String?
    var routeChannel: String?
    var subject: String?
    var createdAt: Date
    var updatedAt: Date
    var closedAt: Date?
    var resolution: String?
    var linkedTicketID: Int64?

    enum CodingKeys: String, CodingKey {
        case id, state, category, confidence, urgency, lang, channel, owner, team, subject, resolution
        case customerID = "customer_id"
        case routedOwner = "routed_owner"
        case routeRule = "route_rule"
        case routeChannel = "route_channel"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case closedAt = "closed_at"
        case linkedTicketID = "linked_ticket_id"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let customerID = Column(CodingKeys.customerID)
        static let state = Column(CodingKeys.state)
        static let category = Column(CodingKeys.category)
        static let urgency = Column(CodingKeys.urgency)
        static let owner = Column(CodingKeys.owner)
        static let routedOwner = Column(CodingKeys.routedOwner)
        static let team = Column(CodingKeys.team)
        static let createdAt = Column(CodingKeys.createdAt)
        static let updatedAt = Column(CodingKeys.updatedAt)
        static let closedAt = Column(CodingKeys.closedAt)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var ticket: Ticket {
        Ticket(
            id: id.persisted, customerID: customerID, state: state, category: category, confidence: confidence,
            urgency: urgency, lang: lang, channel: channel, owner: owner, routedOwner: routedOwner, team: team,
            routeRule: routeRule, routeChannel: routeChannel, subject: subject, createdAt: createdAt,
            updatedAt: updatedAt, closedAt: closedAt, resolution: resolution, linkedTicketID: linkedTicketID
        )
    }
}
