/// Which stage decided the category, in the documented order: auto-reply signal, configured rules,
/// then the model.
public enum TriageDecision: Sendable, Hashable {
    case autoReply
    case rule(name: String)
    case model
}
