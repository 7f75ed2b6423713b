/// The JSON header of a model file: everything but the weight tables.
struct ModelHeader: Codable, Sendable {
    var settings: FeatureSettings
    var categories: [String]
    var languages: [String]
    var temperature: Float
    var urgencyThreshold: Float
    var lowConfidenceThreshold: Double
    var categoryScale: [Float]
    var categoryBias: [Float]
    var languageScale: [Float]
    var languageBias: [Float]
    /// FNV-1a 64 of the weight bytes that follow the header.
    var checksum: UInt64
    var metadata: TriageModelMetadata
}
