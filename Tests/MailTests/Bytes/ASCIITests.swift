import Testing
@testable import Mail

@Suite struct ASCIITests {
    @Test func lowercasedStringLowersASCIIOnlyAndRepairsLikeStringDecoding() {
        let cases: [[UInt8]] = [
            [], Array("Content-Type".utf8), Array("BLOCKQUOTE".utf8), Array("X-Ärger-ÉTÉ".utf8),
            [0x41, 0xFF, 0x42], [0xC3], Array("A-Much-Longer-Header-Name-Than-Fifteen".utf8) + [0xE2, 0x82],
        ]
        for bytes in cases {
            let expected = String(decoding: bytes.map(ASCII.lower), as: UTF8.self)
            #expect(Array(ASCII.lowercasedString(bytes).utf8) == Array(expected.utf8))
            #expect(Array(ASCII.lowercasedString(bytes[...]).utf8) == Array(expected.utf8))
        }
        #expect(ASCII.lowercasedString(Array("X-Ärger".utf8)) == "x-Ärger")
    }
}
