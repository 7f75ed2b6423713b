import Foundation
import IRC
import Testing

/// Inputs `make fuzz` found (see Fuzz/README.md), decoded as the `irc-message` target decodes them.
@Suite struct IRCLineFuzzRegressionTests {
    /// Thai text whose split put a tone mark (U+0E48) first in a continuation: the mark joined the
    /// marker's space into one `Character`, so a character-wise check missed the `#118 … ` in front.
    /// The marker is there byte for byte, and so is the command-prefix guard, which reads scalars.
    @Test func aToneMarkAfterTheContinuationMarker() throws {
        let url = try #require(Bundle.module.url(forResource: "irc-message-tone-mark", withExtension: nil, subdirectory: "Fixtures/fuzz"))
        let bytes = try [UInt8](Data(contentsOf: url))
        let text = String(decoding: bytes, as: UTF8.self)
        let budget = 24 + Int(bytes.first ?? 0) * 2
        let line: IRCLine = "\u{02}#118\u{02} support · \"\(text, limit: 400)\" · !claim 118"
        let pieces = line.pieces(maxBytes: budget)
        #expect(pieces.count > 1)
        for (index, piece) in pieces.enumerated() {
            #expect(piece.utf8.count <= budget)
            #expect(!IRCLine.startsWithCommandPrefix(piece))
            if index > 0 { #expect(piece.utf8.starts(with: "#118 … ".utf8)) }
        }
    }
}
