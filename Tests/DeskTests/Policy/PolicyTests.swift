import Desk
import Foundation
import Testing

@Suite("Policy")
struct PolicyTests {
    static let policy = Policy(directory: AgentDirectory([
        .init(account: "founder", teams: ["finance", "cs", "support"], role: .admin),
        .init(account: "techlead", teams: ["eng"], role: .lead),
        .init(account: "aisha", teams: ["support", "cs"], role: .agent),
    ]))

    static func ticket(team: String?, owner: String? = nil) -> Ticket {
        Ticket(id: 7, customerID: 1, state: .open, category: .billing, channel: .whatsapp, owner: owner, team: team,
               createdAt: Date(), updatedAt: Date())
    }

    @Test("nobody logged in, or a logged-in non-agent, is refused with a reason")
    func strangers() {
        #expect(Self.policy.authorize(account: nil, command: .queue(.open), ticket: nil)
                == .refused("only agents listed in config can do that; you are not logged in to services"))
        guard case .refused(let reason) = Self.policy.authorize(account: "mallory", command: .claim(ticket: 7), ticket: Self.ticket(team: "support"))
        else { Issue.record("mallory must be refused"); return }
        #expect(reason.contains("mallory"))
    }

    @Test("identity is decided before the ticket: a stranger gets the same words whatever the ticket")
    func identityFirst() {
        let reason = Self.policy.identify(account: "mallory")
        for ticket in [nil, Self.ticket(team: "support"), Self.ticket(team: "finance", owner: "founder")] {
            #expect(Self.policy.authorize(account: "mallory", command: .claim(ticket: 7), ticket: ticket) == reason)
        }
        guard case .allowed(let agent) = Self.policy.identify(account: "AISHA") else { Issue.record("aisha is an agent"); return }
        #expect(agent.account == "aisha")
    }

    @Test("only the holder, a lead of the team or an admin unclaims a held ticket")
    func unclaimingSomeoneElsesTicket() {
        let held = Ticket(id: 7, customerID: 1, state: .awaitingCustomer, category: .support, channel: .whatsapp, owner: "founder",
                          team: "support", createdAt: Date(), updatedAt: Date())
        guard case .refused(let reason) = Self.policy.authorize(account: "aisha", command: .unclaim(ticket: 7), ticket: held) else {
            Issue.record("aisha must not unclaim founder's ticket"); return
        }
        #expect(reason.contains("held by founder"))
        var own = held
        own.owner = "aisha"
        #expect(Self.policy.authorize(account: "aisha", command: .unclaim(ticket: 7), ticket: own) != .refused(""))
        guard case .allowed = Self.policy.authorize(account: "aisha", command: .unclaim(ticket: 7), ticket: own) else {
            Issue.record("the holder unclaims"); return
        }
        guard case .allowed = Self.policy.authorize(account: "founder", command: .unclaim(ticket: 7), ticket: own) else {
            Issue.record("an admin unclaims"); return
        }
    }

    @Test("agents act on their own team's tickets; another team's billing ticket is refused")
    func teams() {
        #expect(Self.policy.authorize(account: "aisha", command: .claim(ticket: 7), ticket: Self.ticket(team: "support")) != .refused(""))
        guard case .refused = Self.policy.authorize(account: "aisha", command: .send(ticket: 7, anyway: false, text: "x"), ticket: Self.ticket(team: "finance"))
        else { Issue.record("aisha is not in finance"); return }
        guard case .allowed = Self.policy.authorize(account: "AISHA", command: .queue(.all), ticket: nil) else { Issue.record("looking is open"); return }
    }

    @Test("assign needs a lead of the team or an admin")
    func assign() {
        guard case .refused = Self.policy.authorize(account: "aisha", command: .assign(ticket: 7, account: "founder"), ticket: Self.ticket(team: "support"))
        else { Issue.record("an agent cannot assign"); return }
        guard case .allowed = Self.policy.authorize(account: "techlead", command: .assign(ticket: 7, account: "techlead"), ticket: Self.ticket(team: "eng"))
        else { Issue.record("a lead of eng can"); return }
        guard case .allowed = Self.policy.authorize(account: "founder", command: .assign(ticket: 7, account: "aisha"), ticket: Self.ticket(team: "eng"))
        else { Issue.record("an admin can"); return }
    }
}
