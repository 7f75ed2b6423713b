/// Assembles reply lines into replies: `250-first`, `250-second`, `250 last` is one reply.
///
/// Strict where leniency would be dangerous (a line that is not `ddd`, `ddd text`, `ddd-text`, or a code
/// that changes mid-reply, ends the conversation) and lenient about the text, which is decoded as UTF-8
/// with replacement characters.
struct SMTPReplyParser: Sendable {
    /// A limit on lines per reply, so a hostile server cannot grow one without end.
    static let maximumLines = 512

    private var pendingCode: Int?
    private var pendingLines: [String] = []

    /// Whether part of a multi-line reply has been read.
    var isInsideReply: Bool { pendingCode != nil }

    /// Feeds one line (without or with its CR; the LF is already gone). Returns the reply once its last
    /// line has arrived.
    mutating func feed<Line: Collection<UInt8>>(_ line: Line) throws(SMTPProtocolError) -> SMTPReply? {
        var bytes = Array(line)
        if bytes.last == ASCIIBytes.cr { bytes.removeLast() }
        guard bytes.count >= 3,
            (UInt8(ascii: "2")...UInt8(ascii: "5")).contains(bytes[0]),
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[1]),
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[2])
        else {
            throw SMTPProtocolError(description: "not an SMTP reply line: \"\(Self.preview(bytes))\"")
        }
        let code = Int(bytes[0] - 0x30) * 100 + Int(bytes[1] - 0x30) * 10 + Int(bytes[2] - 0x30)
        let isLast: Bool
        switch bytes.count > 3 ? bytes[3] : ASCIIBytes.space {
        case ASCIIBytes.space: isLast = true
        case UInt8(ascii: "-"): isLast = false
        default: throw SMTPProtocolError(description: "not an SMTP reply line: \"\(Self.preview(bytes))\"")
        }
        if let pendingCode, pendingCode != code {
            throw SMTPProtocolError(description: "reply code changed from \(pendingCode) to \(code) inside one reply")
        }
        let text = bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : ""
        pendingLines.append(text)
        if pendingLines.count > Self.maximumLines {
            throw SMTPProtocolError(description: "a reply of more than \(Self.maximumLines) lines")
        }
        if isLast {
            let reply = SMTPReply(code: code, lines: pendingLines)
            pendingCode = nil
            pendingLines = []
            return reply
        }
        pendingCode = code
        return nil
    }

    private static func preview(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes.prefix(80), as: UTF8.self)
        return String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) })
    }
}
