import Testing
@testable import Triage

@Suite struct DatasetReaderTests {
    @Test func readsQuotedCSV() throws {
        let csv = "text,category,lang,channel\r\n\"hello, \"\"world\"\"\nsecond line\",billing,en,email\nthanks,no_action,,whatsapp\n"
        let dataset = try DatasetReader.parseCSV(Array(csv.utf8), source: "t")
        #expect(dataset.examples.count == 2)
        #expect(dataset.examples[0].text == "hello, \"world\"\nsecond line")
        #expect(dataset.examples[0].category == .billing)
        #expect(dataset.examples[0].channel == .email)
        #expect(dataset.examples[1].lang == nil)
    }

    @Test func skippedRowsNameTheLineTheRecordStartsOn() throws {
        let csv = "text,category\n\"two\nlines\",billing\nno category here,\n"
        let dataset = try DatasetReader.parseCSV(Array(csv.utf8), source: "t")
        #expect(dataset.examples.count == 1)
        #expect(dataset.skipReasons == ["line 4: unknown category "])
    }

    @Test func anUnterminatedQuoteIsAnErrorNotOneLongField() {
        #expect(throws: DatasetError(path: "t", reason: "line 2: a quoted field is never closed")) {
            try DatasetReader.parseCSV(Array("text,category\n\"open,billing\nmore,support\n".utf8), source: "t")
        }
    }

    @Test func rejectsCSVWithoutTheColumns() {
        #expect(throws: DatasetError.self) { try DatasetReader.parseCSV(Array("a,b\n1,2\n".utf8), source: "t") }
    }

    @Test func readsJSONLinesAndSkipsBadRows() {
        let lines = """
            {"text": "refund please", "category": "billing", "lang": "en", "urgency": "high"}
            not json
            {"text": "x", "category": "unknown"}

            {"text": "ok", "category": "no_action", "channel": "whatsapp", "weight": 3}
            """
        let dataset = DatasetReader.parseJSONLines(Array(lines.utf8), source: "t")
        #expect(dataset.examples.count == 2)
        #expect(dataset.skipped == 2)
        #expect(dataset.examples[0].urgency == .high)
        #expect(dataset.examples[1].weight == 3)
    }

    @Test func mapsCategoriesWithDefaults() throws {
        let map = try CategoryMap(csv: Array("source,intent,category\nclinc150,thank_you,no_action\nclinc150,*,drop\nbank,*,support\nbank,refund,billing\n".utf8))
        #expect(map.target(source: "clinc150", intent: "thank_you") == .category(.noAction))
        #expect(map.target(source: "clinc150", intent: "cancel") == .drop)
        #expect(map.target(source: "bank", intent: "refund") == .category(.billing))
        #expect(map.target(source: "bank", intent: "card_arrival") == .category(.support))
        #expect(map.target(source: "other", intent: "x") == .drop)
    }

    @Test func acceptsCategorySpellings() {
        #expect(TriageCategory(label: "churn_risk") == .churnRisk)
        #expect(TriageCategory(label: "Bug-Report") == .bugReport)
        #expect(TriageCategory(label: "nonsense") == nil)
    }
}
