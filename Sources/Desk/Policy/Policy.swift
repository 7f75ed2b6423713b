/// Who may do what. Checked before every command; a refusal changes nothing and says why.
///
/// - Anyone who is not logged in to services, or whose account is not an agent in config, is refused.
/// - Looking (queue, show, history, kb, stats) is open to every agent.
/// - Acting on a ticket needs the ticket's team, or holding it, or being its routed owner.
/// - `assign` needs a lead of the ticket's team, or an admin. Admins may do anything.
public struct Policy: Sendable {
    public enum Decision: Sendable, Equatable {
        case allowed(AgentDirectory.Agent)
        case refused(String)
    }

    public let directory: AgentDirectory

    public init(directory: AgentDirectory) {
        self.directory = directory
    }

    /// Who is asking, before anything about the command or its ticket is looked at: a refusal here is
    /// the same whatever the command names, so a stranger cannot probe which tickets exist.
    public func identify(account: String?) -> Decision {
        guard let account else {
            return .refused("only agents listed in config can do that; you are not logged in to services")
        }
        guard let agent = directory.agent(account: account) else {
            return .refused("only agents listed in config can do that; your account \(account) is not one")
        }
        return .allowed(agent)
    }

    public func authorize(account: String?, command: DeskCommand, ticket: Ticket?) -> Decision {
        guard case .allowed(let agent) = identify(account: account) else { return identify(account: account) }
        guard command.isAction, let ticket else { return .allowed(agent) }
        if agent.role == .admin { return .allowed(agent) }
        let isOwnTeam = ticket.team.map { agent.teams.contains($0) } ?? true
        let holdsIt = ticket.owner?.lowercased() == agent.account.lowercased()
            || ticket.routedOwner?.lowercased() == agent.account.lowercased()
        if case .assign = command {
            guard agent.role == .lead, isOwnTeam else {
                return .refused("only a lead of team \(ticket.team ?? "?") or an admin can assign #\(ticket.id)")
            }
            return .allowed(agent)
        }
        // Taking a ticket away from the agent who holds it is a lead's decision, made with `assign`.
        if case .unclaim = command, let owner = ticket.owner, owner.lowercased() != agent.account.lowercased(), agent.role != .lead || !isOwnTeam {
            return .refused("#\(ticket.id) is held by \(owner); only they, a lead of team \(ticket.team ?? "?") or an admin can unclaim it")
        }
        guard isOwnTeam || holdsIt else {
            return .refused("#\(ticket.id) belongs to team \(ticket.team ?? "?"); you are in \(agent.teams.sorted().joined(separator: ", "))")
        }
        return .allowed(agent)
    }
}
