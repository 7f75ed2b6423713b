/// Provenance stored in the model file: what it was trained on and when, and the attribution that the
/// share-alike licences of the public training sets ask for.
public struct TriageModelMetadata: Sendable, Hashable, Codable {
    /// When corrections were last folded in (RFC 3339 UTC); empty for a model straight from training,
    /// so that `make model` on the same data writes the same bytes.
    public var retrainedAt: String
    public var exampleCount: Int
    /// Examples per source (`public/banking77`, `corpus/en.jsonl`, `data/triage_dev.jsonl`, …).
    public var sources: [String: Int]
    /// How many agent corrections were folded in since the base model.
    public var correctionCount: Int
    public var attribution: String

    public init(
        retrainedAt: String = "",
        exampleCount: Int = 0,
        sources: [String: Int] = [:],
        correctionCount: Int = 0,
        attribution: String = ""
    ) {
        self.retrainedAt = retrainedAt
        self.exampleCount = exampleCount
        self.sources = sources
        self.correctionCount = correctionCount
        self.attribution = attribution
    }

    private enum CodingKeys: String, CodingKey {
        case retrainedAt, exampleCount, sources, correctionCount, attribution
    }

    /// Every field is optional on the way in, so that provenance added later does not make older model
    /// files unreadable.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        retrainedAt = try container.decodeIfPresent(String.self, forKey: .retrainedAt) ?? ""
        exampleCount = try container.decodeIfPresent(Int.self, forKey: .exampleCount) ?? 0
        sources = try container.decodeIfPresent([String: Int].self, forKey: .sources) ?? [:]
        correctionCount = try container.decodeIfPresent(Int.self, forKey: .correctionCount) ?? 0
        attribution = try container.decodeIfPresent(String.self, forKey: .attribution) ?? ""
    }
}
