import IRC
import Testing

@Suite struct IRCSanitizerTests {
    @Test func lineBreakInjectionBecomesOneLine() {
        #expect(IRCSanitizer.singleLine("\r\nPRIVMSG #x :pwned") == "PRIVMSG #x :pwned")
        #expect(IRCSanitizer.singleLine("hi\r\nPRIVMSG #x :pwned\nQUIT") == "hi PRIVMSG #x :pwned QUIT")
        #expect(IRCSanitizer.singleLine("a\u{85}b\u{2028}c\u{2029}d") == "a b c d")
    }

    @Test func ctcpIsNeutralised() {
        #expect(IRCSanitizer.singleLine("\u{01}VERSION\u{01}") == "VERSION")
        #expect(IRCSanitizer.singleLine("\u{01}DCC SEND x 0 0 0\u{01}") == "DCC SEND x 0 0 0")
    }

    @Test func formattingCodesAreRemoved() {
        #expect(IRCSanitizer.singleLine("\u{03}04,12red\u{03} plain \u{02}bold\u{02} \u{1D}i\u{1D} \u{1F}u\u{1F} \u{1E}s\u{11}m\u{16}r\u{0F}") == "red plain bold i u smr")
        #expect(IRCSanitizer.singleLine("\u{03}4text") == "text")
        #expect(IRCSanitizer.singleLine("\u{03}123") == "3")
        #expect(IRCSanitizer.singleLine("\u{03}5,") == ",")
        #expect(IRCSanitizer.singleLine("\u{03},5x") == ",5x")
        #expect(IRCSanitizer.singleLine("\u{03}99,99x") == "x")
        #expect(IRCSanitizer.singleLine("\u{04}FF00aa,001122hex") == "hex")
        #expect(IRCSanitizer.singleLine("\u{04}FF00aahex") == "hex")
        #expect(IRCSanitizer.singleLine("\u{04}xyz") == "xyz")
        #expect(IRCSanitizer.singleLine("\u{04}FF00aa,zz") == ",zz")
    }

    @Test func bidiOverridesAndIsolatesAreRemoved() {
        #expect(IRCSanitizer.singleLine("invoice_\u{202E}fdp.exe") == "invoice_fdp.exe")
        let all = (0x202A...0x202E).map { Character(Unicode.Scalar($0)!) }
            + (0x2066...0x2069).map { Character(Unicode.Scalar($0)!) }
        #expect(IRCSanitizer.singleLine("a" + String(all) + "b") == "ab")
    }

    @Test func controlsAreRemoved() {
        #expect(IRCSanitizer.singleLine("a\0b\u{07}c\u{1B}[31md\u{7F}e\u{9B}f") == "abc[31mdef")
    }

    @Test func whitespaceCollapsesAndTrims() {
        #expect(IRCSanitizer.singleLine("  a\t\t b \u{A0}\u{3000} c  ") == "a b c")
        #expect(IRCSanitizer.singleLine(" \r\n\t ") == "")
    }

    /// Arabic with RLM and ALM, Persian with ZWNJ and emoji ZWJ sequences pass unchanged.
    @Test(arguments: ["مرحبا\u{200F} كيف الحال؟", "\u{61C}١٢٣", "می\u{200C}خواهم", "👨‍👩‍👧‍👦 🏳️‍🌈",
                      "สวัสดีครับ", "नमस्ते", "Xin chào", "🏴󠁧󠁢󠁥󠁮󠁧󠁿"])
    func legitimateTextIsKept(_ text: String) {
        #expect(IRCSanitizer.singleLine(text) == text)
    }

    @Test func randomInputNeverKeepsDangerousScalars() throws {
        var generator = SeededGenerator(seed: 0x5EED_0004)
        let pool = RandomText.readable + RandomText.attack + [" ", " ", "0", "1", "5", ","]
        for _ in 0..<2_000 {
            let input = RandomText.text(from: pool, length: 0...80, using: &generator)
            let output = IRCSanitizer.singleLine(input)
            let dangerous = output.unicodeScalars.first { scalar in
                scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                    || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
                    || (scalar.properties.isWhitespace && scalar != " ")
            }
            #expect(dangerous == nil, "\(input.debugDescription) → \(output.debugDescription)")
            #expect(!output.contains("  ") && !output.hasPrefix(" ") && !output.hasSuffix(" "))
            #expect(IRCSanitizer.singleLine(output) == output)
            if !output.isEmpty {
                let line = try IRCMessage(command: "PRIVMSG", parameters: ["#c", output]).serialized()
                #expect(try IRCMessage(parsing: line).parameters == ["#c", output])
            }
        }
    }
}
