/// A parsed agent command. Names are DESIGN.md's contract; replies are the executor's.
public enum DeskCommand: Sendable, Hashable {
    public enum QueueScope: Sendable, Hashable {
        case open
        case all
        case mine
        /// High urgency and churn risks: what an urgent summary line points to.
        case urgent
        case category(Category)
    }

    case help(topic: String?)
    case queue(QueueScope)
    case more
    case show(ticket: Int64)
    case claim(ticket: Int64)
    case unclaim(ticket: Int64)
    case assign(ticket: Int64, account: String)
    case draft(ticket: Int64, facts: String?)
    case edit(ticket: Int64, text: String)
    /// `toReplyTo`: `--to reply-to`, the agent's choice to answer the customer's Reply-To address
    /// rather than their From (logged as `reply_to_chosen`).
    case send(ticket: Int64, anyway: Bool, text: String?, toReplyTo: Bool = false)
    case note(ticket: Int64, text: String)
    case tag(ticket: Int64, category: Category)
    case urgent(ticket: Int64)
    case snooze(ticket: Int64, seconds: Int)
    case close(ticket: Int64, silent: Bool, resolution: String?)
    case reopen(ticket: Int64)
    case history(ticket: Int64)
    case customer(ticket: Int64)
    case kb(query: String)
    case template(ticket: Int64, name: String)
    case stats

    public var name: String {
        switch self {
        case .help: "help"
        case .queue: "queue"
        case .more: "more"
        case .show: "show"
        case .claim: "claim"
        case .unclaim: "unclaim"
        case .assign: "assign"
        case .draft: "draft"
        case .edit: "edit"
        case .send: "send"
        case .note: "note"
        case .tag: "tag"
        case .urgent: "urgent"
        case .snooze: "snooze"
        case .close: "close"
        case .reopen: "reopen"
        case .history: "history"
        case .customer: "customer"
        case .kb: "kb"
        case .template: "template"
        case .stats: "stats"
        }
    }

    /// The ticket a command acts on, if any.
    public var ticketID: Int64? {
        switch self {
        case .show(let id), .claim(let id), .unclaim(let id), .assign(let id, _), .draft(let id, _), .edit(let id, _),
             .send(let id, _, _, _), .note(let id, _), .tag(let id, _), .urgent(let id), .snooze(let id, _), .close(let id, _, _),
             .reopen(let id), .history(let id), .customer(let id), .template(let id, _):
            id
        case .help, .queue, .more, .kb, .stats:
            nil
        }
    }

    /// Commands that change a ticket or talk to a customer, as opposed to looking.
    public var isAction: Bool {
        switch self {
        case .help, .queue, .more, .show, .history, .customer, .kb, .stats: false
        default: true
        }
    }
}
