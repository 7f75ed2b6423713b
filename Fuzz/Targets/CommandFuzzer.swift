// Fuzz target `command`: compiled into module Desk, with module IRC linked (see scripts/fuzz/fuzz.sh).

/// A line an agent (or anyone in the channel) types. Parsing must give nil, a usage error or a command
/// whose values are usable as they are: positive ticket numbers, trimmed non-empty text, positive
/// durations. Typed in a channel with the prefix, a command means what it means in a direct message.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let line = FuzzInput(data, size).text
    let direct = CommandParser.parse(line, prefix: "!", isDirect: true)
    let channel = CommandParser.parse(line, prefix: "!", isDirect: false)
    check(direct)
    check(channel)
    if channel != nil {
        fuzzInvariant(line.trimmingWhitespace().hasPrefix("!"), "a channel line without the prefix was read as a command")
    }
    if case .success(let command)? = direct, line.first?.isWhitespace == false, !line.hasPrefix("!") {
        let prefixed = CommandParser.parse("!" + line, prefix: "!", isDirect: false)
        fuzzInvariant(prefixed == direct, "\(command) in a DM but \(String(describing: prefixed)) as !\(line.debugDescription)")
    }
    checkSubjectTag(line)
    return 0
}

private func check(_ result: Result<DeskCommand, CommandParser.UsageError>?) {
    switch result {
    case nil:
        return
    case .failure(let error)?:
        fuzzInvariant(!error.message.isEmpty && error.command == error.command.lowercased(), "usage error \(error)")
    case .success(let command)?:
        fuzzInvariant(CommandUsage.usage(of: command.name) != nil, "\(command.name) has no usage line")
        if let id = command.ticketID {
            fuzzInvariant(id > 0 && CommandParser.ticketNumber(String(id)) == id, "ticket \(id)")
        }
        switch command {
        case .edit(_, let text), .note(_, let text), .kb(let text):
            checkText(text, in: command)
        case .draft(_, let text?), .send(_, _, let text?, _), .close(_, _, let text?):
            checkText(text, in: command)
        case .assign(_, let word), .template(_, let word):
            checkText(word, in: command)
            fuzzInvariant(!word.contains(" ") && !word.contains("\t"), "\(command): argument holds a separator")
        case .snooze(_, let seconds):
            fuzzInvariant(seconds > 0, "\(command): snooze of \(seconds)s")
        case .help(let topic?):
            fuzzInvariant(topic == topic.lowercased(), "help topic \(topic.debugDescription)")
        default:
            break
        }
    }
}

private func checkText(_ text: String, in command: DeskCommand) {
    fuzzInvariant(!text.isEmpty && text == text.trimmingWhitespace(), "\(command): text \(text.debugDescription)")
}

/// The subject Switchboard sends on a ticket threads a customer's reply back to that ticket, whatever
/// the customer's own subject held.
private func checkSubjectTag(_ subject: String) {
    let reference = TicketReference(subject: subject) ?? TicketReference(42)
    let reply = reference.replySubject(to: subject)
    fuzzInvariant(TicketReference(subject: reply) == reference,
                  "reply subject \(reply.debugDescription) threads to \(String(describing: TicketReference(subject: reply))), not \(reference)")
    fuzzInvariant(TicketReference(token: reference.description) == reference, "\(reference) does not read back")
}
