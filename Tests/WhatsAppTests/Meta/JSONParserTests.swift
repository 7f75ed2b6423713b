import Foundation
import Testing
@testable import WhatsApp

/// The JSON grammar Meta bodies are read with: what Foundation's `JSONDecoder` accepted, in linear time
/// and bounded depth (the `meta-json` fuzz target compares the two on every input it generates).
@Suite struct JSONParserTests {
    private func parse(_ text: String) throws -> JSONValue {
        try JSONParser.parse(Array(text.utf8))
    }

    private func nested(_ depth: Int, open: String = "[", close: String = "]", inner: String = "") -> String {
        String(repeating: open, count: depth) + inner + String(repeating: close, count: depth)
    }

    @Test func valuesOfEveryKind() throws {
        let value = try parse(#" {"a": [1, -0.5, 2e3, true, false, null, "x"], "b": {}} "#)
        #expect(value == .object(["a": .array([.number(1), .number(-0.5), .number(2000), .bool(true), .bool(false), .null, .string("x")]),
                                  "b": .object([:])]))
        #expect(try parse(#""\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00""#) == .string("\"\\/\u{8}\u{C}\n\r\té😀"))
        #expect(try parse("\"مرحبا 👋\"") == .string("مرحبا 👋"))
    }

    @Test(arguments: [
        "", " ", "[", "[1", "{\"a\"}", "{\"a\":}", "{1:2}", "[,]", "[1,,]", "{,}", "01", "-", "1.", "1e", ".5", "+1",
        "1e400", "-1e400", "1e-400", "2e-324", "444444441e-4004444444", "tru", "nul", "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"",
        "\"a\u{1}b\"", "[1] [2]", "// c\n1", "NaN", "Infinity",
    ])
    func refusesWhatJSONDecoderRefused(_ text: String) {
        #expect(throws: JSONParser.Failure.self) { try parse(text) }
    }

    @Test func refusesBytesThatAreNotUTF8() {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse([0x22, 0x61, 0xFF, 0x22]) }
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse([0x22, 0xCE, 0x74, 0x22]) }
    }

    @Test func acceptsWhatJSONDecoderAccepted() throws {
        #expect(try parse("[1,]") == .array([.number(1)]))
        #expect(try parse("{\"a\": 1 , }") == .object(["a": .number(1)]))
        #expect(try parse("{\"a\": 1, \"a\": 2}") == .object(["a": .number(1)]), "a repeated key keeps its first value")
        #expect(try parse("7") == .number(7))
        #expect(try parse("[0e-400, 3e-324, 1e-310, -0.0]") == .array([.number(0), .number(5e-324), .number(1e-310), .number(0)]))
        #expect(try parse("0e1") == .number(0), "RFC 8259 allows it; JSONDecoder refused it, a quirk not kept")
    }

    @Test func nestingIsCappedAtSixtyFourLevels() throws {
        #expect(try parse(nested(JSONParser.maxDepth)) != .null)
        #expect(try parse(nested(JSONParser.maxDepth, open: "{\"a\":", close: "}", inner: "1")) != .null)
        #expect(throws: JSONParser.Failure.self) { try parse(nested(JSONParser.maxDepth + 1)) }
        #expect(throws: JSONParser.Failure.self) { try parse(nested(100_000)) }
    }

    /// Decoding through `Decodable` cost time growing with depth for every value: 500 nested arrays (1 KB)
    /// took seconds, and a megabyte of 32-deep nests took over ten. Now the cost per byte does not depend
    /// on depth.
    @Test func timeDoesNotGrowWithDepth() throws {
        func body(depth: Int) -> [UInt8] {
            let nest = nested(depth)
            return Array(("[" + Array(repeating: nest, count: 400_000 / nest.utf8.count).joined(separator: ",") + "]").utf8)
        }
        func fastest(_ bytes: [UInt8]) throws -> Duration {
            var best = Duration.seconds(1_000)
            for _ in 0..<3 {
                let clock = ContinuousClock()
                let start = clock.now
                _ = try JSONParser.parse(bytes)
                best = min(best, clock.now - start)
            }
            return best
        }
        let shallow = try fastest(body(depth: 4))
        let deep = try fastest(body(depth: 60))
        #expect(deep < shallow * 4, "60-deep nests took \(deep), 4-deep \(shallow) for the same bytes")
    }
}
