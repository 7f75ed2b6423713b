import IRC

/// Long answers are cut into pages; `more` continues where the last one stopped, per account.
struct Pager: Sendable {
    static let pageSize = 6
    private var remaining: [String: [IRCLine]] = [:]

    /// The first page to send now, with a "more" hint when lines are left.
    mutating func firstPage(of lines: [IRCLine], for account: String, prefix: String) -> [IRCLine] {
        page(lines, for: account, prefix: prefix)
    }

    mutating func nextPage(for account: String, prefix: String) -> [IRCLine]? {
        guard let lines = remaining.removeValue(forKey: account.lowercased()), !lines.isEmpty else { return nil }
        return page(lines, for: account, prefix: prefix)
    }

    private mutating func page(_ lines: [IRCLine], for account: String, prefix: String) -> [IRCLine] {
        guard lines.count > Self.pageSize else { return lines }
        remaining[account.lowercased()] = Array(lines.dropFirst(Self.pageSize - 1))
        return Array(lines.prefix(Self.pageSize - 1)) + ["… \(lines.count - Self.pageSize + 1) more lines — \(botText: prefix)more"]
    }
}
