/// Turns a message into hashed features: character n-grams (1…`maxCharN`, within word boundaries, as
/// scikit-learn's `char_wb`), word unigrams and bigrams (with start and end markers), and the
/// cross-lingual concept tokens with their channel and negation variants.
struct FeatureExtractor: Sendable {
    let settings: FeatureSettings
    let normalizer: TextNormalizer
    let lexicon: ConceptLexicon

    init(settings: FeatureSettings, lexicon: ConceptLexicon = .builtIn) {
        self.settings = settings
        self.normalizer = TextNormalizer(maxScalars: settings.maxScalars)
        self.lexicon = lexicon
    }

    struct Analysis: Sendable {
        var text: NormalizedText
        var matches: [ConceptMatch]
    }

    func analyze(_ text: String) -> Analysis {
        let normalized = normalizer.normalize(text)
        return Analysis(text: normalized, matches: lexicon.matches(in: normalized))
    }

    func features(_ analysis: Analysis, channel: TriageChannel?) -> FeatureSet {
        var set = FeatureSet()
        let text = analysis.text
        let maxN = settings.maxCharN
        let tokens = text.tokens
        text.scalars.withUnsafeBufferPointer { s in
            // Upper bound: every word scalar plus its boundary starts at most maxN n-grams.
            let shortN = min(settings.languageMaxCharN, maxN)
            var long: [UInt32] = []
            set.chars = [UInt32](unsafeUninitializedCapacity: (s.count + 1) * shortN) { shortBuffer, shortCount in
                long = [UInt32](unsafeUninitializedCapacity: (s.count + 1) * max(1, maxN - shortN)) { longBuffer, longCount in
                    var shortWritten = 0
                    var longWritten = 0
                    for token in tokens where token.kind == .word {
                        let first = token.start - 1
                        for i in first..<token.end {
                            var h = FeatureHash.basis
                            let limit = min(maxN, token.end + 1 - i)
                            for k in 0..<limit {
                                h = FeatureHash.step(h, s[i + k])
                                if k == 0, i == first { continue }
                                if k < shortN {
                                    shortBuffer[shortWritten] = FeatureHash.finish(h)
                                    shortWritten += 1
                                } else {
                                    longBuffer[longWritten] = FeatureHash.finish(h)
                                    longWritten += 1
                                }
                            }
                        }
                    }
                    shortCount = shortWritten
                    longCount = longWritten
                }
            }
            set.longChars = long
            set.words = [UInt32](unsafeUninitializedCapacity: tokens.count * 2 + 1) { buffer, count in
                var written = 0
                var previous = FeatureHash.beginMarker
                for token in tokens {
                    var w = FeatureHash.basis ^ FeatureHash.wordSeed
                    for i in token.start..<token.end {
                        w = FeatureHash.step(w, s[i])
                    }
                    buffer[written] = FeatureHash.finish(w)
                    buffer[written + 1] = FeatureHash.finish(FeatureHash.step(previous &* 31 ^ FeatureHash.bigramSeed, w))
                    written += 2
                    previous = w
                }
                buffer[written] = FeatureHash.finish(FeatureHash.step(previous &* 31 ^ FeatureHash.bigramSeed, FeatureHash.endMarker))
                count = written + 1
            }
        }
        set.concepts.reserveCapacity(analysis.matches.count * 3 + 3)

        let channelCode: UInt32 = switch channel {
        case .none: 0
        case .whatsapp: 1
        case .email: 2
        }
        var lastNegationEnd = -1_000
        var lastUltimatumEnd = -1_000
        for match in analysis.matches {
            if match.concept == .negation {
                lastNegationEnd = match.end
                continue
            }
            if match.concept == .ultimatum {
                lastUltimatumEnd = match.end
            } else if match.start - lastUltimatumEnd <= 80 {
                // A concept inside a condition ("if … by Friday we cancel") is a threat, not a statement.
                set.concepts.append(FeatureHash.signal(FeatureHash.conditionalSeed, match.ordinal))
            }
            set.concepts.append(FeatureHash.signal(FeatureHash.conceptSeed, match.ordinal))
            if channelCode != 0 {
                set.concepts.append(FeatureHash.signal(FeatureHash.conceptChannelSeed, match.ordinal << 2 | channelCode))
            }
            if match.start - lastNegationEnd <= 12 {
                set.concepts.append(FeatureHash.signal(FeatureHash.negatedSeed, match.ordinal))
            }
        }
        let count = text.tokens.count
        let lengthClass: UInt32 = switch count {
        case 0: 0
        case 1: 1
        case 2: 2
        case 3...4: 3
        case 5...8: 4
        case 9...16: 5
        case 17...40: 6
        default: 7
        }
        set.concepts.append(FeatureHash.signal(FeatureHash.signalSeed, 0x100 | lengthClass << 2 | channelCode))
        if text.exclamationCount >= 2 {
            set.concepts.append(FeatureHash.signal(FeatureHash.signalSeed, 0x200))
        }
        if text.casedLetters >= 8, text.upperCaseLetters * 10 >= text.casedLetters * 6 {
            set.concepts.append(FeatureHash.signal(FeatureHash.signalSeed, 0x300))
        }
        set.finish(settings: settings)
        return set
    }
}
