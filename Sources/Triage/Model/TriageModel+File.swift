public import Foundation

/// The model file format.
///
/// ```
/// "SBTRIAGE"                 8 bytes magic
/// format version             UInt32 little-endian (1)
/// header length              UInt32 little-endian
/// header                     JSON (ModelHeader)
/// category weights           2^categoryBits rows × 8 Int8
/// language weights           2^languageBits rows × 16 Int8
/// ```
/// Int8 weights with a Float32 scale per output lane keep the default model at 3 MiB.
extension TriageModel {
    static let magic = Array("SBTRIAGE".utf8)
    static let formatVersion: UInt32 = 1

    /// The model as the bytes of a model file.
    public func serialized() -> Data {
        var payload = Data()
        weights.category.withUnsafeBytes { payload.append(contentsOf: $0) }
        weights.language.withUnsafeBytes { payload.append(contentsOf: $0) }
        let header = ModelHeader(
            settings: settings,
            categories: TriageCategory.allCases.map(\.rawValue),
            languages: languages,
            temperature: temperature,
            urgencyThreshold: urgencyThreshold,
            lowConfidenceThreshold: lowConfidenceThreshold,
            categoryScale: (0..<8).map { weights.categoryScale[$0] },
            categoryBias: (0..<8).map { weights.categoryBias[$0] },
            languageScale: (0..<16).map { weights.languageScale[$0] },
            languageBias: (0..<16).map { weights.languageBias[$0] },
            checksum: Self.checksum(payload),
            metadata: metadata
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let headerData = (try? encoder.encode(header)) ?? Data("{}".utf8)
        var data = Data(Self.magic)
        Self.appendUInt32(Self.formatVersion, to: &data)
        Self.appendUInt32(UInt32(headerData.count), to: &data)
        data.append(headerData)
        data.append(payload)
        return data
    }

    public func write(to url: URL) throws {
        try serialized().write(to: url, options: .atomic)
    }

    /// Parses a model file's bytes.
    public init(data: Data) throws(TriageModelError) {
        let bytes = [UInt8](data)
        guard bytes.count >= 16, Array(bytes[0..<8]) == Self.magic else { throw .notAModel }
        let version = Self.readUInt32(bytes, at: 8)
        guard version == Self.formatVersion else { throw .unsupportedVersion(Int(version)) }
        let headerLength = Int(Self.readUInt32(bytes, at: 12))
        guard bytes.count >= 16 + headerLength else { throw .corrupt("header is truncated") }
        let header: ModelHeader
        do {
            header = try JSONDecoder().decode(ModelHeader.self, from: Data(bytes[16..<(16 + headerLength)]))
        } catch {
            throw .corrupt("header: \(error)")
        }
        guard header.settings.version == FeatureSettings.currentVersion else {
            throw .incompatibleFeatures(header.settings.version)
        }
        guard header.categories == TriageCategory.allCases.map(\.rawValue) else { throw .corrupt("unexpected categories") }
        guard !header.languages.isEmpty, header.languages.count <= 16 else { throw .corrupt("unexpected languages") }
        guard header.categoryScale.count == 8, header.categoryBias.count == 8,
              header.languageScale.count == 16, header.languageBias.count == 16 else { throw .corrupt("bad scales") }
        let settings = header.settings
        guard (8...24).contains(settings.categoryBits), (8...24).contains(settings.languageBits) else {
            throw .corrupt("bad bucket sizes")
        }
        let categoryBytes = (1 << settings.categoryBits) * 8
        let languageBytes = (1 << settings.languageBits) * 16
        let start = 16 + headerLength
        guard bytes.count == start + categoryBytes + languageBytes else { throw .corrupt("weights have the wrong size") }
        let payload = bytes[start...]
        guard Self.checksum(payload) == header.checksum else { throw .corrupt("checksum mismatch") }

        var category = [SIMD8<Int8>](repeating: SIMD8(), count: 1 << settings.categoryBits)
        category.withUnsafeMutableBytes { target in
            bytes.withUnsafeBytes { source in
                target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[start..<(start + categoryBytes)]))
            }
        }
        var language = [SIMD16<Int8>](repeating: SIMD16(), count: 1 << settings.languageBits)
        language.withUnsafeMutableBytes { target in
            bytes.withUnsafeBytes { source in
                let from = start + categoryBytes
                target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[from..<(from + languageBytes)]))
            }
        }
        let weights = QuantizedWeights(
            category: category,
            categoryScale: SIMD8(header.categoryScale),
            categoryBias: SIMD8(header.categoryBias),
            language: language,
            languageScale: SIMD16(header.languageScale),
            languageBias: SIMD16(header.languageBias)
        )
        self.init(
            weights: weights,
            settings: settings,
            languages: header.languages,
            temperature: header.temperature,
            urgencyThreshold: header.urgencyThreshold,
            lowConfidenceThreshold: header.lowConfidenceThreshold,
            metadata: header.metadata
        )
    }

    private static func appendUInt32(_ value: UInt32, to data: inout Data) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }

    private static func readUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }

    static func checksum<C: Collection<UInt8>>(_ bytes: C) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return h
    }
}
