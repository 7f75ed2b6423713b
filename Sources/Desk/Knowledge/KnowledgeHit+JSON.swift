public import Foundation

extension KnowledgeHit {
    /// The `switchboard kb` line (**contract**): `{"path", "title", "lang", "score"}` in that order, the
    /// score rounded to four decimals. Written by hand because `JSONEncoder` does not keep key order.
    public func jsonLine() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        func string(_ value: String) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
        let rounded = (score * 10_000).rounded() / 10_000
        return "{\"path\":\(try string(path)),\"title\":\(try string(title)),\"lang\":\(try string(lang)),\"score\":\(rounded)}"
    }
}
