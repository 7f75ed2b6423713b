// Fuzz target `irc-message`: compiled into module IRC (see scripts/fuzz/fuzz.sh), so it reaches
// internal helpers the way the module's own tests do.

/// One line as a server would send it. The parser must throw or give a message whose atoms obey the
/// grammar; everything the client builds from such a message (a re-serialised line, the source, CTCP,
/// sanitised and split text) must obey its own contract.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let line = input.text
    if let message = try? IRCMessage(parsing: line) {
        checkAtoms(message)
        checkRoundTrip(message)
        checkDerivedValues(message)
    }
    checkSanitizerAndSplitter(line, budgetSeed: input.selector)
    return 0
}

/// The grammar's guarantees about a parsed message.
private func checkAtoms(_ message: IRCMessage) {
    let command = message.command.utf8
    fuzzInvariant(!command.isEmpty && !command.contains(ASCII.space), "command \(message.command.debugDescription)")
    fuzzInvariant(ASCII.uppercased(message.command) == message.command, "command not upper case")
    if let source = message.source {
        fuzzInvariant(!source.isEmpty && !source.utf8.contains(ASCII.space), "source \(source.debugDescription)")
    }
    for key in message.tags.keys {
        fuzzInvariant(!key.isEmpty && !key.utf8.contains { $0 == ASCII.space || $0 == ASCII.semicolon || $0 == ASCII.equals },
                      "tag key \(key.debugDescription)")
    }
    for (position, parameter) in message.parameters.enumerated() {
        let bytes = parameter.utf8
        fuzzInvariant(!bytes.contains(where: ASCII.isLineBreakOrNUL), "CR, LF or NUL in parameter \(position)")
        if position < message.parameters.count - 1 {
            fuzzInvariant(!bytes.isEmpty && !bytes.contains(ASCII.space) && bytes.first != ASCII.colon,
                          "middle parameter \(position) is \(parameter.debugDescription)")
        }
    }
}

/// A message that serialises must parse back to itself, and the line must be a single line.
private func checkRoundTrip(_ message: IRCMessage) {
    guard let line = try? message.serialized() else { return }
    fuzzInvariant(!line.utf8.contains(where: ASCII.isLineBreakOrNUL), "serialised line holds CR, LF or NUL")
    do {
        let again = try IRCMessage(parsing: line)
        fuzzInvariant(again == message, "round trip changed \(message) into \(again) via \(line.debugDescription)")
    } catch {
        fuzzInvariant(false, "serialised line \(line.debugDescription) does not parse: \(error)")
    }
}

/// The values the client reads off a message: source parts, CTCP, ISUPPORT, server time, masks.
private func checkDerivedValues(_ message: IRCMessage) {
    if let raw = message.source {
        let source = IRCSource(raw)
        fuzzInvariant(source.description == raw, "source \(raw.debugDescription) reads back as \(source.description.debugDescription)")
        if let pattern = message.parameters.first {
            _ = IRCMask(pattern).matches(raw)
        }
    }
    if let text = message.parameters.last, let ctcp = CTCP.parse(text) {
        let encoded = CTCP.encode(command: ctcp.command, argument: ctcp.argument)
        let again = CTCP.parse(encoded)
        fuzzInvariant(again?.command == ctcp.command && again?.argument == ctcp.argument,
                      "CTCP \(text.debugDescription) re-encodes as \(encoded.debugDescription)")
    }
    var support = ISupport()
    support.apply(IRCMessage(command: "005", parameters: message.parameters))
    let mapping = support.caseMapping
    for parameter in message.parameters {
        let folded = mapping.fold(parameter)
        fuzzInvariant(mapping.fold(folded) == folded, "case folding is not idempotent on \(parameter.debugDescription)")
        _ = support.isChannel(parameter)
        _ = support.nickname(parameter)
        _ = support.channelName(parameter)
    }
    _ = (support.channelTypes, support.prefixModes, support.statusMessagePrefixes, support.targetMax)
    _ = (support.nickLength, support.channelLength, support.botMode, support.monitorLimit, support.networkName)
    _ = (message.serverTime, message.account, message.messageID, message.sourceNick, message.isNumeric)
    if let last = message.parameters.last {
        _ = CapabilitySet.parse(last)
        // AUTHENTICATE carries base64, which is ASCII: pieces are exact byte slices of it.
        if last.utf8.allSatisfy({ $0 < 0x80 }) {
            let chunks = SASL.authenticateChunks(last)
            fuzzInvariant(chunks.allSatisfy { $0.utf8.count <= SASL.chunkSize }, "AUTHENTICATE chunk over 400 bytes")
            let terminated = last.isEmpty || last.utf8.count % SASL.chunkSize == 0
            fuzzInvariant(!terminated || chunks.last == "+", "AUTHENTICATE without the closing +")
            fuzzInvariant((terminated ? chunks.dropLast() : chunks[...]).joined() == last, "AUTHENTICATE chunks do not rejoin")
        }
    }
}

/// Customer text becomes one clean line, and the splitter's pieces rejoin to it and fit a relayed line.
private func checkSanitizerAndSplitter(_ text: String, budgetSeed: UInt8) {
    let clean = IRCSanitizer.singleLine(text)
    for scalar in clean.unicodeScalars {
        let value = scalar.value
        fuzzInvariant(value >= 0x20 && !(0x7F...0x9F).contains(value) && !(0x202A...0x202E).contains(value)
                      && !(0x2066...0x2069).contains(value), "sanitised text keeps U+\(String(value, radix: 16))")
        fuzzInvariant(value == 0x20 || !scalar.properties.isWhitespace, "sanitised text keeps whitespace U+\(String(value, radix: 16))")
    }
    fuzzInvariant(!clean.hasPrefix(" ") && !clean.hasSuffix(" ") && !clean.contains("  "), "sanitised spacing \(clean.debugDescription)")
    fuzzInvariant(IRCSanitizer.singleLine(clean) == clean, "sanitising twice changes \(clean.debugDescription)")

    // The production path: a bot relaying sanitised text to a channel.
    let source = IRCSource(nick: "switchboard", user: "bot", host: "services.example")
    let target = "#support"
    for piece in MessageSplitter.split(clean, target: target, source: source) {
        fuzzInvariant(!piece.isEmpty && !piece.utf8.contains(where: ASCII.isLineBreakOrNUL), "piece \(piece.debugDescription)")
        let relayed = ":\(source) " + ((try? IRCMessage(command: "PRIVMSG", parameters: [target, piece]).serialized()) ?? "")
        fuzzInvariant(relayed.utf8.count + 2 <= IRCLimits.lineBytes, "relayed line of \(relayed.utf8.count + 2) bytes")
        fuzzInvariant((try? IRCMessage(parsing: relayed))?.parameters == [target, piece], "piece does not survive the wire")
    }
    checkSplit(clean, maxBytes: 4 + Int(budgetSeed) * 2)
    // Raw text keeps the byte-level contract too (CR/LF are the sanitiser's job, not the splitter's).
    checkSplit(text, maxBytes: 4 + Int(budgetSeed))
    checkBotLine(text, budgetSeed: budgetSeed)
}

/// Customer text inside a bot line (a card, a `show` line, or the line's very start): no piece of the
/// split line begins with the customer's words or with a command prefix, every piece after the first
/// begins with the bot's continuation marker, and each fits its budget.
private func checkBotLine(_ text: String, budgetSeed: UInt8) {
    let budget = 24 + Int(budgetSeed) * 2
    let lines: [(line: IRCLine, continuation: String)] = [
        ("\u{02}#118\u{02} support · \"\(text, limit: 400)\" · !claim 118", "#118 … "),
        ("#7 ← \(text)", "#7 … "),
        ("\(text)", "… "),
        (IRCLine(sanitizing: text) + " · tail", "… "),
    ]
    for (line, continuation) in lines {
        let pieces = line.pieces(maxBytes: budget)
        fuzzInvariant(pieces.isEmpty == line.isEmpty, "a non-empty line gave no piece")
        for (index, piece) in pieces.enumerated() {
            fuzzInvariant(piece.utf8.count <= budget, "bot piece of \(piece.utf8.count) bytes, budget \(budget)")
            fuzzInvariant(!piece.utf8.contains(where: ASCII.isLineBreakOrNUL), "bot piece holds CR, LF or NUL")
            fuzzInvariant(!IRCLine.startsWithCommandPrefix(piece), "bot piece starts with a command prefix: \(piece.prefix(16).debugDescription)")
            // By bytes: a combining mark at the start of the rest joins the marker's space in one Character.
            if index > 0 {
                fuzzInvariant(piece.utf8.starts(with: continuation.utf8), "piece \(index) lacks the marker: \(piece.prefix(16).debugDescription)")
            }
        }
        if line.beginsWithForeignText, let first = pieces.first {
            fuzzInvariant(first.utf8.starts(with: IRCLine.leadMarker.utf8), "a line that begins with customer text is not marked")
        }
    }
}

private func checkSplit(_ text: String, maxBytes: Int) {
    let pieces = MessageSplitter.split(text, maxBytes: maxBytes)
    fuzzInvariant(Array(pieces.joined().utf8) == Array(text.utf8), "pieces do not rejoin to the text (budget \(maxBytes))")
    for piece in pieces {
        fuzzInvariant(!piece.isEmpty && piece.utf8.count <= maxBytes, "piece of \(piece.utf8.count) bytes, budget \(maxBytes)")
    }
}
