import Foundation
import Testing
@testable import Triage

@Suite struct TriageModelFileTests {
    @Test func roundTripsThroughBytes() throws {
        let model = Fixtures.model
        let data = model.serialized()
        let loaded = try TriageModel(data: data)
        #expect(loaded.temperature == model.temperature)
        #expect(loaded.languages == model.languages)
        #expect(loaded.settings == model.settings)
        for example in Fixtures.examples.prefix(10) {
            #expect(loaded.classify(text: example.text) == model.classify(text: example.text))
        }
        #expect(loaded.serialized() == data)
    }

    @Test func rejectsForeignAndDamagedFiles() {
        #expect(throws: TriageModelError.self) { try TriageModel(data: Data("not a model at all".utf8)) }
        var data = Fixtures.model.serialized()
        data[data.count - 10] ^= 0x55
        #expect(throws: TriageModelError.self) { try TriageModel(data: data) }
        #expect(throws: TriageModelError.self) { try TriageModel(data: data.prefix(100)) }
    }

    @Test func loadsFromAPathAndTheEnvironment() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("triage-\(UUID().uuidString).model")
        defer { try? FileManager.default.removeItem(at: url) }
        try Fixtures.model.write(to: url)
        let byPath = try TriageModel.load(path: url.path)
        let byEnvironment = try TriageModel.load(path: nil, environment: [TriageModel.environmentKey: url.path])
        #expect(byPath.metadata == Fixtures.model.metadata)
        #expect(byEnvironment.metadata == Fixtures.model.metadata)
        #expect(throws: TriageModelError.self) { try TriageModel.load(path: "/nonexistent/triage.model") }
    }
}
