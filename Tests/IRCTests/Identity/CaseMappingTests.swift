import IRC
import Testing

@Suite struct CaseMappingTests {
    @Test func rfc1459FoldsBracketsBackslashAndTilde() {
        #expect(CaseMapping.rfc1459.fold("Nick[]\\~^{}|") == "nick{}|^^{}|")
    }

    @Test func strictDoesNotFoldTilde() {
        #expect(CaseMapping.rfc1459Strict.fold("Nick[]\\~^") == "nick{}|~^")
    }

    @Test func asciiFoldsLettersOnly() {
        #expect(CaseMapping.ascii.fold("Nick[]\\~") == "nick[]\\~")
    }

    @Test(arguments: CaseMapping.allCases)
    func leavesNonASCIIAlone(_ mapping: CaseMapping) {
        #expect(mapping.fold("ÄÖ Ağa नमस्ते 👍🏽") == "ÄÖ ağa नमस्ते 👍🏽")
    }

    @Test func rawValuesMatchISupportTokens() {
        #expect(CaseMapping(rawValue: "rfc1459-strict") == .rfc1459Strict)
        #expect(CaseMapping(rawValue: "ascii") == .ascii)
        #expect(CaseMapping(rawValue: "rfc7613") == nil)
    }
}
