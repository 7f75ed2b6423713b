/// The right form of every command, used both for `help` and for usage errors.
public enum CommandUsage {
    public static let all: [(name: String, usage: String, summary: String)] = [
        ("help", "help [command]", "list commands, or explain one"),
        ("queue", "queue [category|mine|urgent|all]", "open tickets, most urgent first"),
        ("more", "more", "the next page of the last long answer"),
        ("show", "show N", "a ticket's messages and state"),
        ("claim", "claim N", "take a ticket"),
        ("unclaim", "unclaim N", "give a ticket back"),
        ("assign", "assign N ACCOUNT", "give a ticket to an agent (leads and admins)"),
        ("draft", "draft N [facts…]", "draft a reply with customer context and the knowledge base"),
        ("edit", "edit N TEXT", "replace the draft"),
        ("send", "send N [--anyway] [--to reply-to] [TEXT]", "send the draft (or TEXT) to the customer; --to reply-to answers their Reply-To address instead of From (logged)"),
        ("note", "note N TEXT", "an internal note on the ticket"),
        ("tag", "tag N CATEGORY", "correct the category; the model learns from it"),
        ("urgent", "urgent N", "mark a ticket urgent"),
        ("snooze", "snooze N DURATION", "silence follow-ups, e.g. snooze 42 4h"),
        ("close", "close N [--silent] [RESOLUTION]", "close with a confirmation to the customer"),
        ("reopen", "reopen N", "reopen a closed ticket"),
        ("history", "history N", "everything that happened to a ticket"),
        ("customer", "customer N", "who the customer is (full contacts in a DM)"),
        ("kb", "kb QUERY", "search the knowledge base"),
        ("template", "template N NAME", "send a WhatsApp template (outside the 24-hour window)"),
        ("stats", "stats", "volumes, response times, backlog"),
    ]

    public static func usage(of name: String) -> String? {
        all.first { $0.name == name }?.usage
    }
}
