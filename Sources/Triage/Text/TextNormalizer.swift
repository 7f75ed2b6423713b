import Foundation

/// Normalises text the same way for training, classification, the lexicon and rules.
///
/// Steps, in order: keep at most `maxScalars` scalars (so a megabyte of text costs what 4 KB does);
/// NFKC (only when the text holds a scalar whose compatibility form differs, because Foundation's
/// implementation costs more than the whole classifier); drop format and direction marks; fold Arabic
/// (alef forms, ta marbuta, alef maksura, tatweel, diacritics) and map Arabic-Indic, Devanagari and Thai
/// digits to ASCII; lower-case; shorten letter runs to two ("pleeeease" → "pleease"); keep Arabizi digits
/// inside words ("7aga", "3ayez"); make each emoji, each currency sign and each `!`/`?` run a token of its
/// own; reduce bare numbers to a length class ("0", "00", "000") so that prices and order ids generalise.
public struct TextNormalizer: Sendable {
    public var maxScalars: Int

    public init(maxScalars: Int = 4096) {
        self.maxScalars = maxScalars
    }

    public func normalize(_ text: String) -> NormalizedText {
        var raw = [UInt32]()
        raw.reserveCapacity(min(text.utf8.count, maxScalars))
        var needsCompatibility = false
        var truncated = false
        ScalarClass.table.withUnsafeBufferPointer { table in
            for scalar in text.unicodeScalars {
                if raw.count == maxScalars {
                    truncated = true
                    break
                }
                let value = scalar.value
                if value >= 0x80, ScalarClass.of(value, table: table) & ScalarClass.unstable != 0 {
                    needsCompatibility = true
                }
                raw.append(value)
            }
        }
        if needsCompatibility {
            var view = String.UnicodeScalarView()
            for value in raw {
                view.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            }
            raw = String(view).precomposedStringWithCompatibilityMapping.unicodeScalars.map(\.value)
        }
        return ScalarClass.table.withUnsafeBufferPointer { tokenize(raw, truncated: truncated, table: $0) }
    }

    /// Normalises bytes that may not be valid UTF-8; invalid sequences become U+FFFD, a separator.
    public func normalize<Bytes: Collection<UInt8>>(utf8 bytes: Bytes) -> NormalizedText {
        normalize(String(decoding: bytes.prefix(maxScalars * 4), as: UTF8.self))
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    private func tokenize(_ raw: [UInt32], truncated: Bool, table: UnsafeBufferPointer<UInt16>) -> NormalizedText {
        var out = [UInt32]()
        out.reserveCapacity(raw.count + 8)
        out.append(0x20)
        var tokens = [TokenSpan]()
        tokens.reserveCapacity(raw.count / 4 + 2)
        var profile = ScriptProfile()
        var openKind: TokenSpan.Kind?
        var openStart = 0
        var allDigits = true
        var runScalar: UInt32 = 0
        var runLength = 0
        var exclamations = 0
        var upper = 0
        var cased = 0

        func close() {
            guard let kind = openKind else { return }
            var finalKind = kind
            if kind == .word, allDigits {
                let length = out.count - openStart
                out.removeSubrange(openStart...)
                out.append(0x30)
                if length > 2 { out.append(0x30) }
                if length > 4 { out.append(0x30) }
                finalKind = .number
            }
            tokens.append(TokenSpan(start: openStart, end: out.count, kind: finalKind))
            out.append(0x20)
            openKind = nil
        }

        func open(_ kind: TokenSpan.Kind) {
            close()
            openKind = kind
            openStart = out.count
            allDigits = true
            runScalar = 0
            runLength = 0
        }

        var index = 0
        while index < raw.count {
            var value = raw[index]
            index += 1
            let flags = ScalarClass.of(value, table: table)
            if flags & ScalarClass.ignorable != 0 { continue }

            // Apostrophes inside a word join it ("don't" → "dont"), elsewhere they separate.
            if flags & ScalarClass.apostrophe != 0 {
                if openKind == .word, index < raw.count, ScalarClass.of(raw[index], table: table) & ScalarClass.word != 0 { continue }
                close()
                continue
            }

            if flags & ScalarClass.word != 0 {
                if flags & ScalarClass.digitFold != 0 { value = Self.foldDigit(value) }
                let isDigit = value >= 0x30 && value <= 0x39
                if flags & ScalarClass.letter != 0 {
                    if value < 0x80 {
                        cased += 1
                        if value <= 0x5A {
                            upper += 1
                            value += 0x20
                        }
                        profile.counts[0] &+= 1
                    } else {
                        profile.add(letter: value, script: Int(flags & ScalarClass.scriptMask))
                        if flags & ScalarClass.fold != 0 {
                            value = Self.foldLetter(value, upper: &upper, cased: &cased)
                        } else if flags & ScalarClass.cased != 0 {
                            cased += 1
                        }
                    }
                }
                if openKind != .word { open(.word) }
                if isDigit {
                    runScalar = 0
                    runLength = 0
                } else {
                    allDigits = false
                    if value == runScalar {
                        runLength += 1
                        if runLength > 2 { continue }
                    } else {
                        runScalar = value
                        runLength = 1
                    }
                }
                out.append(value)
                continue
            }

            // Digit group separators inside a number ("2,999", "1.500.000") keep it one number.
            if value == 0x2C || value == 0x2E || value == 0x66B || value == 0x66C, openKind == .word, allDigits,
               index < raw.count, Self.foldDigit(raw[index]) >= 0x30, Self.foldDigit(raw[index]) <= 0x39 {
                continue
            }

            if flags & ScalarClass.mark != 0 {
                let mark: UInt32 = (value == 0x21 || value == 0x203C) ? 0x21 : 0x3F
                if mark == 0x21 { exclamations += value == 0x203C ? 2 : 1 }
                if openKind != .punctuation { open(.punctuation) }
                if out.count - openStart < 3 { out.append(mark) }
                continue
            }

            if flags & ScalarClass.emoji != 0 {
                open(.emoji)
                out.append(value)
                close()
                continue
            }

            if flags & ScalarClass.currency != 0 {
                open(.symbol)
                out.append(value)
                close()
                continue
            }

            close()
        }
        close()

        return NormalizedText(
            scalars: out,
            tokens: tokens,
            profile: profile,
            isTruncated: truncated,
            exclamationCount: exclamations,
            upperCaseLetters: upper,
            casedLetters: cased
        )
    }
}
