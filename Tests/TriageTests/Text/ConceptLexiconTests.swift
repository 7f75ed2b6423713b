import Testing
@testable import Triage

@Suite struct ConceptLexiconTests {
    let lexicon = ConceptLexicon.builtIn
    let normalizer = TextNormalizer()

    func concepts(_ text: String) -> Set<Concept> {
        Set(lexicon.matches(in: normalizer.normalize(text)).map(\.concept))
    }

    @Test(arguments: [
        "URGENT please", "asap!!", "عاجل", "jaldi karo", "foran dekho", "mohon segera", "cần gấp", "ด่วนมาก", "ayusin agad", "فوری",
    ])
    func findsUrgencyInEveryLanguage(_ text: String) {
        #expect(concepts(text).contains(.urgent), "\(text)")
    }

    @Test func matchesPrefixEntries() {
        #expect(concepts("it was refunded yesterday").contains(.refund))
        #expect(concepts("the app keeps crashing").contains(.crash))
    }

    @Test func respectsWordBoundaries() {
        #expect(!concepts("scandal").contains(.cancel))
        #expect(!concepts("notebook").contains(.negation))
    }

    @Test func matchesArabicWithProclitics() {
        #expect(concepts("ابي الفاتورة").contains(.invoice))
        #expect(concepts("وبالفاتورة").contains(.invoice))
        #expect(concepts("والغي الاشتراك").contains(.cancel))
    }

    @Test func matchesThaiWithoutSpaces() {
        #expect(concepts("อยากยกเลิกแพ็กเกจค่ะ").contains(.cancel))
        #expect(concepts("ขอบคุณมากค่ะ").contains(.thanks))
    }

    @Test func matchesPhrases() {
        #expect(concepts("we will not renew the contract").isSuperset(of: [.negation, .renewal]))
        #expect(concepts("terima kasih banyak").contains(.thanks))
    }

    @Test func findsNothingInEmptyOrSymbolText() {
        #expect(concepts("").isEmpty)
        #expect(concepts("!!! ???").isEmpty)
    }
}
