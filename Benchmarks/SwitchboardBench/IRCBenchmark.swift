import Foundation
import IRC

/// IRC parse + serialise throughput against a naive split-based parser measured in the same run.
enum IRCBenchmark {
    static func corpus() -> [String] {
        var lines: [String] = []
        let texts = ["!claim 42", "مرحباً، تم خصم المبلغ مرتين من بطاقتي", "draft 118 refunded today, 5–7 working days",
                     "ok thanks 👍", "app me invoice share pe crash ho raha hai", "ลูกค้ารอคืนเงินค่ะ ด่วนมาก"]
        for index in 0..<2_000 {
            let text = texts[index % texts.count]
            lines.append("@account=founder;msgid=abc\(index);time=2026-11-25T09:14:00.123Z :founder!f@users.test PRIVMSG #support :\(text)")
            lines.append(":irc.test 005 switchboard CASEMAPPING=rfc1459 TARGMAX=PRIVMSG:4,NOTICE:4 WHOX BOT=B :are supported")
            lines.append(":agent\(index)!a@h JOIN #support agent\(index) :Agent Name")
            lines.append("PING :irc.test")
            lines.append("@label=x\\sy;+draft/reply=abc :switchboard!sb@bot.test NOTICE aisha :#118 sent via WhatsApp ✓")
        }
        return lines
    }

    static func run() -> [BenchmarkRow] {
        let lines = corpus()
        let ours = measureThroughput(operationsPerCall: lines.count) {
            for line in lines {
                if let message = try? IRCMessage(parsing: line) { blackHole(try? message.serialized()) }
            }
        }
        let naive = measureThroughput(operationsPerCall: lines.count) {
            for line in lines { blackHole(NaiveIRCParser.parse(line).map(NaiveIRCParser.serialize)) }
        }
        return [BenchmarkRow(name: "IRC parse+serialise", unit: "lines/s", value: ours, baselineName: "naive split parser",
                             baseline: naive, higherIsBetter: true)]
    }
}

/// The baseline: what a first attempt looks like — `split(separator:)` on spaces and semicolons, with no
/// escaping rules, byte limits or validation.
enum NaiveIRCParser {
    struct Message {
        var tags: [String: String]
        var source: String?
        var command: String
        var params: [String]
    }

    static func parse(_ line: String) -> Message? {
        var rest = Substring(line)
        var tags: [String: String] = [:]
        if rest.hasPrefix("@") {
            let parts = rest.split(separator: " ", maxSplits: 1)
            for tag in parts[0].dropFirst().split(separator: ";") {
                let kv = tag.split(separator: "=", maxSplits: 1)
                tags[String(kv[0])] = kv.count > 1 ? String(kv[1]) : ""
            }
            rest = parts.count > 1 ? parts[1] : ""
        }
        var source: String?
        if rest.hasPrefix(":") {
            let parts = rest.split(separator: " ", maxSplits: 1)
            source = String(parts[0].dropFirst())
            rest = parts.count > 1 ? parts[1] : ""
        }
        var trailing: String?
        if let range = rest.range(of: " :") {
            trailing = String(rest[range.upperBound...])
            rest = rest[..<range.lowerBound]
        }
        var words = rest.split(separator: " ").map(String.init)
        guard !words.isEmpty else { return nil }
        let command = words.removeFirst()
        if let trailing { words.append(trailing) }
        return Message(tags: tags, source: source, command: command, params: words)
    }

    static func serialize(_ message: Message) -> String {
        var parts: [String] = []
        if !message.tags.isEmpty { parts.append("@" + message.tags.map { "\($0)=\($1)" }.joined(separator: ";")) }
        if let source = message.source { parts.append(":" + source) }
        parts.append(message.command)
        if let last = message.params.last {
            parts += message.params.dropLast()
            parts.append(":" + last)
        }
        return parts.joined(separator: " ")
    }
}
