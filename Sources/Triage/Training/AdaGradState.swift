/// Squared-gradient sums for AdaGrad, one per weight, shaped like `FloatWeights`.
struct AdaGradState: Sendable {
    var category: [SIMD8<Float>]
    var categoryBias = SIMD8<Float>()
    var language: [SIMD16<Float>]
    var languageBias = SIMD16<Float>()

    init(categoryCount: Int, languageCount: Int) {
        category = Array(repeating: SIMD8(), count: categoryCount)
        language = Array(repeating: SIMD16(), count: languageCount)
    }
}
