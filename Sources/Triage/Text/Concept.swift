/// Language-independent ideas that the lexicon recognises in every supported language.
///
/// Each match becomes a feature token (`§refund`), so a weight learned from English and Arabic data also
/// fires for Tagalog or Thai text that the training data covers thinly. Urgency rules read the same
/// matches. Raw values are stable: they feed the feature hash, so renaming one changes a shipped model.
public enum Concept: String, Sendable, Hashable, CaseIterable {
    // Billing
    case refund, charge, double, invoice, price, payment, tax, subscription
    // Churn
    case cancel, renewal, competitor, switchProvider, expensive, downgrade, dissatisfied, export
    // Bugs
    case crash, error, outage, sync, wrong, lostData, update, notReceived, slow
    // Feature requests
    case feature, add, wish, suggest, integration
    // Support
    case howTo, whereIs, account, change, status
    // No action
    case thanks, acknowledge, greeting, festive, outOfOffice, marketing, readReceipt, media
    // Urgency
    case urgent, today, legal, security, scope, ultimatum
    // Grammar
    case negation

    /// Stable small integer for hashing.
    var ordinal: UInt32 {
        UInt32(Concept.allCases.firstIndex(of: self) ?? 0)
    }
}
