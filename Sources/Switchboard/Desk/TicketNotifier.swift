import Desk
import Foundation
import IRCClient
import Store

/// Says something about a ticket where its people look: the ticket's channel, addressed to whoever is
/// responsible for it (the claimer, else the routed owner), so their client highlights it.
///
/// Delivery reports, send failures and follow-up nudges all go through here; the text always starts with
/// the ticket number so it can be searched.
struct TicketNotifier: Sendable {
    let database: AppDatabase
    let output: any ChatOutput

    func tell(_ ticketID: Int64, _ text: String, addressOwner: Bool = true) async {
        guard let ticket = try? await database.ticket(id: ticketID), let channel = ticket.routeChannel else { return }
        let prefix = addressOwner ? ticket.responsible.map { "\($0): " } ?? "" : ""
        await output.say(prefix + text, to: channel, priority: .commandReply)
    }
}
