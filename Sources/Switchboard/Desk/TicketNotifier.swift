import Desk
import Foundation
import IRC
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

    func tell(_ ticketID: Int64, _ text: IRCLine, addressOwner: Bool = true) async {
        guard let ticket = try? await database.ticket(id: ticketID), let channel = ticket.routeChannel else { return }
        let prefix: IRCLine = addressOwner ? ticket.responsible.map { "\(botText: $0): " } ?? "" : ""
        // Behind command replies and urgent cards: a report about a ticket can wait a second.
        await output.say(prefix + text, to: channel, priority: .card)
    }
}
