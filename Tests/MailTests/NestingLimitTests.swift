import Foundation
import Testing
@testable import Mail

/// Structure only hostile input has: nesting far beyond what mail clients produce must end at the
/// parser's caps instead of exhausting the stack (the `mime` fuzz target starts from these shapes too).
@Suite struct NestingLimitTests {
    static let depth = 10_000

    @Test func tenThousandNestedMultipartsStopAtTheDepthCap() throws {
        var raw = "From: a@example.com\nContent-Type: multipart/mixed; boundary=b0\n\n"
        for level in 1..<Self.depth {
            raw += "--b\(level - 1)\nContent-Type: multipart/mixed; boundary=b\(level)\n\n"
        }
        raw += "--b\(Self.depth - 1)\nContent-Type: text/plain\n\nbottom\n"
        let email = try EmailParser.parse(raw)
        #expect(!email.text.contains("bottom"), "the text lies below the depth cap of \(MIMETreeParser.maxDepth)")
        #expect(email.fromAddress == "a@example.com")

        // At the cap, the text is still found.
        var shallow = "From: a@example.com\nContent-Type: multipart/mixed; boundary=b0\n\n"
        for level in 1..<MIMETreeParser.maxDepth {
            shallow += "--b\(level - 1)\nContent-Type: multipart/mixed; boundary=b\(level)\n\n"
        }
        shallow += "--b\(MIMETreeParser.maxDepth - 1)\nContent-Type: text/plain\n\nbottom\n"
        #expect(try EmailParser.parse(shallow).text == "bottom")
    }

    @Test func tenThousandEncapsulatedMessagesEnd() throws {
        var raw = "From: inner@example.com\nContent-Type: text/plain\n\ninnermost\n"
        for _ in 0..<Self.depth {
            raw = "From: outer@example.com\nContent-Type: message/rfc822\n\n" + raw
        }
        let email = try EmailParser.parse(raw)
        #expect(email.fromAddress == "outer@example.com")
        #expect(!email.text.contains("innermost"))
    }

    /// Each base64 layer is decoded before the next is parsed; the depth cap bounds how many.
    @Test func base64EncapsulationIsDecodedUpToTheCap() throws {
        var raw = Array("From: inner@example.com\nContent-Type: text/plain\n\ninnermost\n".utf8)
        for _ in 0..<30 {
            raw = Array("From: outer@example.com\nContent-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\n".utf8)
                + Array(Data(raw).base64EncodedString(options: .lineLength76Characters).utf8)
        }
        let email = try EmailParser.parse(raw)
        #expect(email.fromAddress == "outer@example.com")
    }
}
