/// Turns a line typed in IRC into a `DeskCommand`.
///
/// In a channel a command needs the prefix (`!claim 42`); in a direct message the prefix is optional
/// (`claim 42`). Names are case-insensitive and a ticket is written `42` or `#42`. A line that is not
/// meant as a command gives nil; a command written wrongly gives a usage error that shows the right form.
public enum CommandParser {
    public struct UsageError: Error, Sendable, Hashable {
        public var command: String
        public var message: String
    }

    public static func parse(_ line: String, prefix: String, isDirect: Bool) -> Result<DeskCommand, UsageError>? {
        var text = Substring(line.trimmingWhitespace())
        if text.hasPrefix(prefix) {
            text = text.dropFirst(prefix.count)
        } else if !isDirect {
            return nil
        }
        // Any whitespace separates words, as it is trimmed: an IME's full-width space (U+3000) or a pasted
        // no-break space between `claim` and `42` must not end up inside a ticket number or an account name.
        let words = text.split(omittingEmptySubsequences: true, whereSeparator: \.isWhitespace)
        guard let first = words.first else { return nil }
        let name = first.lowercased()
        guard CommandUsage.usage(of: name) != nil else {
            // In a channel an unknown `!word` may be meant for another bot; in a DM we explain.
            return isDirect || text.count < line.count
                ? .failure(UsageError(command: name, message: "unknown command \"\(name)\"; try help")) : nil
        }
        let args = Array(words.dropFirst()).map(String.init)
        let rest = String(text.dropFirst(first.count)).trimmingWhitespace()
        return parse(name: name, args: args, rest: rest)
    }

    private static func parse(name: String, args: [String], rest: String) -> Result<DeskCommand, UsageError> {
        func usage(_ problem: String? = nil) -> Result<DeskCommand, UsageError> {
            let form = CommandUsage.usage(of: name) ?? name
            return .failure(UsageError(command: name, message: (problem.map { "\($0). " } ?? "") + "Usage: \(form)"))
        }
        func ticket() -> Int64? { args.first.flatMap(ticketNumber) }
        /// The text after the ticket number, as typed.
        func textAfterTicket() -> String {
            guard let first = args.first, rest.hasPrefix(first) else { return "" }
            return String(rest.dropFirst(first.count)).trimmingWhitespace()
        }

        switch name {
        case "help":
            return .success(.help(topic: args.first?.lowercased()))
        case "more":
            return .success(.more)
        case "stats":
            return .success(.stats)
        case "queue":
            guard let scope = args.first?.lowercased() else { return .success(.queue(.open)) }
            switch scope {
            case "all": return .success(.queue(.all))
            case "mine": return .success(.queue(.mine))
            case "urgent": return .success(.queue(.urgent))
            default:
                guard let category = Category(rawValue: scope) else { return usage("\"\(scope)\" is not a category, mine, urgent or all") }
                return .success(.queue(.category(category)))
            }
        case "kb":
            return rest.isEmpty ? usage() : .success(.kb(query: rest))
        default:
            break
        }
        guard let id = ticket() else {
            return usage(args.isEmpty ? "Which ticket?" : "\"\(args[0])\" is not a ticket number")
        }
        let text = textAfterTicket()
        switch name {
        case "show": return .success(.show(ticket: id))
        case "claim": return .success(.claim(ticket: id))
        case "unclaim": return .success(.unclaim(ticket: id))
        case "urgent": return .success(.urgent(ticket: id))
        case "reopen": return .success(.reopen(ticket: id))
        case "history": return .success(.history(ticket: id))
        case "customer": return .success(.customer(ticket: id))
        case "assign":
            guard args.count == 2 else { return usage() }
            return .success(.assign(ticket: id, account: args[1]))
        case "draft":
            return .success(.draft(ticket: id, facts: text.isEmpty ? nil : text))
        case "edit":
            return text.isEmpty ? usage("The new text is missing") : .success(.edit(ticket: id, text: text))
        case "note":
            return text.isEmpty ? usage("The note is empty") : .success(.note(ticket: id, text: text))
        case "send":
            var body = text
            var anyway = false
            var toReplyTo = false
            // The options lead the text, in any order: `--anyway`, and `--to reply-to`.
            while body.hasPrefix("--") {
                let lower = body.lowercased()
                if lower.hasPrefix("--anyway") {
                    anyway = true
                    body = String(body.dropFirst("--anyway".count)).trimmingWhitespace()
                } else if lower == "--to" || lower.hasPrefix("--to ") {
                    let after = String(body.dropFirst("--to".count)).trimmingWhitespace()
                    guard after.lowercased().hasPrefix("reply-to") else { return usage("--to takes reply-to") }
                    toReplyTo = true
                    body = String(after.dropFirst("reply-to".count)).trimmingWhitespace()
                } else {
                    break
                }
            }
            return .success(.send(ticket: id, anyway: anyway, text: body.isEmpty ? nil : body, toReplyTo: toReplyTo))
        case "tag":
            guard args.count == 2 else { return usage() }
            guard let category = Category(rawValue: args[1].lowercased()) else {
                return usage("\"\(args[1])\" is not one of \(Category.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return .success(.tag(ticket: id, category: category))
        case "snooze":
            guard args.count == 2, let seconds = durationSeconds(args[1]) else { return usage("Write the duration like 90m, 4h or 2d") }
            guard seconds <= Self.longestSnooze else {
                return usage("Snooze for 90d at most; a ticket that can wait longer should be closed (it reopens if the customer writes)")
            }
            return .success(.snooze(ticket: id, seconds: seconds))
        case "close":
            var body = text
            var silent = false
            if body.lowercased().hasPrefix("--silent") {
                silent = true
                body = String(body.dropFirst("--silent".count)).trimmingWhitespace()
            }
            return .success(.close(ticket: id, silent: silent, resolution: body.isEmpty ? nil : body))
        case "template":
            guard args.count == 2 else { return usage() }
            return .success(.template(ticket: id, name: args[1]))
        default:
            return usage()
        }
    }

    /// `42` or `#42`.
    public static func ticketNumber(_ token: String) -> Int64? {
        let digits = token.hasPrefix("#") ? token.dropFirst() : Substring(token)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int64(digits), value > 0 else { return nil }
        return value
    }

    /// Follow-ups silenced for longer than a quarter are follow-ups forgotten.
    public static let longestSnooze = 90 * 86_400

    /// `90s`, `15m`, `24h`, `7d`; a snooze of nothing is not a snooze.
    public static func durationSeconds(_ token: String) -> Int? {
        DurationText.seconds(token).flatMap { $0 > 0 ? $0 : nil }
    }
}
