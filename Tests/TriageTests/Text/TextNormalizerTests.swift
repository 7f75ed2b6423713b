import Foundation
import Testing
@testable import Triage

@Suite struct TextNormalizerTests {
    let normalizer = TextNormalizer()

    @Test func foldsCaseAndCompatibilityForms() {
        #expect(normalizer.normalize("ＵＲＧＥＮＴ Refund").string == "urgent refund")
        #expect(normalizer.normalize("ﬁle").string == "file")
    }

    @Test func normalisesArabicLetterForms() {
        #expect(normalizer.normalize("أحمد إبراهيم آمنة").string == "احمد ابراهيم امنه")
        #expect(normalizer.normalize("فاتورة").string == "فاتوره")
        #expect(normalizer.normalize("على").string == "علي")
        #expect(normalizer.normalize("عـــاجل").string == "عاجل")
        #expect(normalizer.normalize("مُسْتَعْجِل").string == "مستعجل")
    }

    @Test func keepsUrduLettersDistinct() {
        let text = normalizer.normalize("ٹھیک ہے")
        #expect(text.string == "ٹھیک ہے")
        #expect(text.profile.urduLetters >= 3)
        #expect(text.profile.arabicLetters == 0)
    }

    @Test func mapsNativeDigitsToASCII() {
        #expect(normalizer.normalize("٢٩٩ ريال").string == "00 ريال")
        #expect(normalizer.normalize("๕๙๐๐๐ บาท").string == "000 บาท")
    }

    @Test func squashesElongatedLetters() {
        #expect(normalizer.normalize("pleeeeease").string == "pleease")
        #expect(normalizer.normalize("soooo gooood").string == "soo good")
        #expect(normalizer.normalize("1000").string == "00")
    }

    @Test func keepsArabiziDigitsInsideWords() {
        #expect(normalizer.normalize("3ayez 7aga ba2a").tokenStrings == ["3ayez", "7aga", "ba2a"])
    }

    @Test func reducesBareNumbersToLengthClasses() {
        #expect(normalizer.normalize("order 12 costs 2,999 ref 1234567").tokenStrings == ["order", "0", "costs", "00", "ref", "000"])
    }

    @Test func makesEmojiTheirOwnTokens() {
        let text = normalizer.normalize("thanks🙏🏽👍")
        #expect(text.tokenStrings == ["thanks", "🙏", "👍"])
    }

    @Test func keepsShortPunctuationRuns() {
        let text = normalizer.normalize("help!!!!!! now??")
        #expect(text.tokenStrings == ["help", "!!!", "now", "??"])
        #expect(text.exclamationCount == 6)
    }

    @Test func dropsDirectionMarksWithoutSplittingWords() {
        #expect(normalizer.normalize("\u{200F}مر\u{200E}حبا\u{202B} ok\u{202C}").string == "مرحبا ok")
    }

    @Test func joinsApostrophesInsideWords() {
        #expect(normalizer.normalize("don't won’t").tokenStrings == ["dont", "wont"])
    }

    @Test func truncatesLongInput() {
        let text = normalizer.normalize(String(repeating: "word ", count: 10_000))
        #expect(text.isTruncated)
        #expect(text.scalars.count <= normalizer.maxScalars + 2)
    }

    @Test func survivesInvalidUTF8() {
        let bytes: [UInt8] = [0x68, 0x69, 0xFF, 0xFE, 0xC3, 0x28, 0x6F, 0x6B]
        let text = normalizer.normalize(utf8: bytes)
        #expect(text.tokenStrings == ["hi", "ok"])
    }

    @Test func countsScripts() {
        let profile = normalizer.normalize("สวัสดีครับ hello").profile
        #expect(profile.dominant == .thai)
        #expect(profile.count(.latin) == 5)
        #expect(normalizer.normalize("Báo cáo doanh thu bị sai, lỗi đơn").profile.vietnameseLetters == 4)
    }
}
