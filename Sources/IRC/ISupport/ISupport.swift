/// What the server announced in `RPL_ISUPPORT` (005), accumulated over all its lines.
///
/// Only the raw tokens are stored; every typed property is derived from them on read, so a later
/// `-TOKEN` or a changed value can never leave a stale derived copy behind.
public struct ISupport: Sendable, Hashable {
    /// Token name to value, with `\xHH` escapes decoded. A token without a value is `""`.
    public var tokens: [String: String]

    public init() {
        tokens = [:]
    }

    public init(tokens: [String: String]) {
        self.tokens = tokens
    }

    /// Folds in one `005` line; other commands are ignored. The first parameter (our nick) and a last
    /// parameter containing a space (the "are supported by this server" text) are not tokens.
    public mutating func apply(_ message: IRCMessage) {
        guard message.command == "005", message.parameters.count >= 2 else { return }
        var parameters = message.parameters.dropFirst()
        if let last = parameters.last, last.utf8.contains(ASCII.space) || last.isEmpty {
            parameters = parameters.dropLast()
        }
        for token in parameters {
            apply(token: token)
        }
    }

    /// Applies one token: `NAME`, `NAME=value` or `-NAME`.
    public mutating func apply(token: String) {
        if token.hasPrefix("-") {
            tokens[String(token.dropFirst())] = nil
        } else if let equals = token.firstIndex(of: "=") {
            tokens[String(token[..<equals])] = Self.unescape(token[token.index(after: equals)...])
        } else if !token.isEmpty {
            tokens[token] = ""
        }
    }

    /// `\xHH` escapes (the specification uses them for space, `\` and `=`), decoded as UTF-8.
    static func unescape(_ value: Substring) -> String {
        let bytes = Array(value.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == ASCII.backslash, index + 3 < bytes.count, bytes[index + 1] == UInt8(ascii: "x"),
               let high = ASCII.hexValue(bytes[index + 2]), let low = ASCII.hexValue(bytes[index + 3]) {
                output.append(high << 4 | low)
                index += 4
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}

extension ISupport {
    /// `CASEMAPPING`; rfc1459 when absent or when the server names a mapping we do not implement
    /// (its ASCII folding is still right for ASCII nicks).
    public var caseMapping: CaseMapping {
        tokens["CASEMAPPING"].flatMap(CaseMapping.init(rawValue:)) ?? .rfc1459
    }

    /// `CHANTYPES`; `#` when absent, empty when the server sends `CHANTYPES=` (no channels).
    public var channelTypes: Set<Character> {
        guard let value = tokens["CHANTYPES"] else { return ["#"] }
        return Set(value)
    }

    /// `PREFIX`, highest rank first; `(ov)@+` when absent, empty for `PREFIX=`.
    public var prefixModes: [PrefixMode] {
        guard let value = tokens["PREFIX"] else {
            return [PrefixMode(mode: "o", prefix: "@"), PrefixMode(mode: "v", prefix: "+")]
        }
        guard value.first == "(", let close = value.firstIndex(of: ")") else { return [] }
        let modes = value[value.index(after: value.startIndex)..<close]
        let prefixes = value[value.index(after: close)...]
        return zip(modes, prefixes).map { PrefixMode(mode: $0, prefix: $1) }
    }

    /// `STATUSMSG`: prefixes that address only members with that status, as in `@#channel`.
    public var statusMessagePrefixes: Set<Character> {
        Set(tokens["STATUSMSG"] ?? "")
    }

    /// `TARGMAX`, keyed by upper-case command; a `nil` value means no limit for that command.
    public var targetMax: [String: Int?] {
        guard let value = tokens["TARGMAX"] else { return [:] }
        var result: [String: Int?] = [:]
        for entry in value.split(separator: ",") {
            let parts = entry.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let command = ASCII.uppercased(parts[0])
            guard !command.isEmpty else { continue }
            let limit = parts.count > 1 ? Int(parts[1]) : nil
            result[command] = .some(limit)
        }
        return result
    }

    /// `NICKLEN`.
    public var nickLength: Int? {
        tokens["NICKLEN"].flatMap { Int($0) }
    }

    /// `CHANNELLEN`; `nil` when absent or empty (no limit).
    public var channelLength: Int? {
        tokens["CHANNELLEN"].flatMap { Int($0) }
    }

    /// `BOT`: the user mode that marks a bot, usually `B`.
    public var botMode: Character? {
        tokens["BOT"]?.first
    }

    /// `WHOX`: `WHO #c %tna` answers with 354 lines that carry the account.
    public var supportsWHOX: Bool {
        tokens["WHOX"] != nil
    }

    /// `UTF8ONLY`: the server rejects lines that are not valid UTF-8.
    public var utf8Only: Bool {
        tokens["UTF8ONLY"] != nil
    }

    /// `MONITOR` is present.
    public var supportsMonitor: Bool {
        tokens["MONITOR"] != nil
    }

    /// `MONITOR=n`; `nil` when absent or unlimited.
    public var monitorLimit: Int? {
        tokens["MONITOR"].flatMap { Int($0) }
    }

    /// `NETWORK`.
    public var networkName: String? {
        tokens["NETWORK"]
    }

    /// Folds a nick or channel name with the announced case mapping.
    public func fold(_ name: some StringProtocol) -> String {
        caseMapping.fold(name)
    }

    /// Whether a target names a channel, judged by its first Unicode scalar and `CHANTYPES`.
    public func isChannel(_ target: some StringProtocol) -> Bool {
        guard let first = target.unicodeScalars.first else { return false }
        return channelTypes.contains(Character(first))
    }

    /// A nick validated and folded with this server's case mapping. `NICKLEN` is not applied: nicks the
    /// server reports are valid by definition, even if it lowered the limit later.
    public func nickname(_ raw: String) -> IRCNickname? {
        IRCNickname(raw, caseMapping: caseMapping, maxLength: nil)
    }

    /// A channel name validated against `CHANTYPES` and `CHANNELLEN`, folded with `CASEMAPPING`.
    public func channelName(_ raw: String) -> IRCChannelName? {
        IRCChannelName(raw, channelTypes: channelTypes, caseMapping: caseMapping, maxLength: channelLength)
    }
}
