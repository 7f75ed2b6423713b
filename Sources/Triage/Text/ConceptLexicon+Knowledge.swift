/// The lexicon as a cross-lingual vocabulary for knowledge-base search: the concepts a text is about, so
/// that "paisa wapas", "flousy" and "ibalik ang pera" all meet an article about refunds.
extension ConceptLexicon {
    /// Concepts that say what a text is about. Greetings, thanks, urgency, deadlines, negation and the
    /// other cues triage uses for category and urgency are left out: every help article would share them.
    /// So are the forms of a question (`howTo`, `whereIs`, `status`): "how do I…" matches every article
    /// with a "How to…" heading, whatever the question is about. `slow` is out because its patterns
    /// `lag*` and Thai `ช้า` also fire inside everyday words (Indonesian "lagi", Thai "เช้า" — morning);
    /// a weak cue for triage, but it would send those questions to any article that says "pending".
    static let topical: Set<Concept> = [
        .refund, .charge, .double, .invoice, .price, .payment, .tax, .subscription,
        .cancel, .renewal, .downgrade, .export,
        .crash, .error, .outage, .sync, .wrong, .lostData, .update, .notReceived,
        .add, .account, .change,
    ]

    /// The topical concepts found in `text`, one entry per occurrence (so repeated mentions weigh more).
    public func topicalConcepts(in text: String, normalizer: TextNormalizer = TextNormalizer(maxScalars: 65_536)) -> [String] {
        matches(in: normalizer.normalize(text)).compactMap { Self.topical.contains($0.concept) ? $0.concept.rawValue : nil }
    }

    /// Names the built-in vocabulary's content, so an index built with an older lexicon is rebuilt.
    public static let builtInFingerprint: String = {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (concept, words) in builtInEntries where topical.contains(concept) {
            for byte in (concept.rawValue + "=" + words.joined(separator: "|") + ";").utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        return "concepts-" + String(hash, radix: 16)
    }()
}
