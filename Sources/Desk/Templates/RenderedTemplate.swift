import Foundation

/// A template filled for one ticket: what goes into the outbox payload for either provider.
public struct RenderedTemplate: Sendable, Hashable, Codable {
    public var name: String
    public var lang: String
    /// The body as the customer reads it.
    public var text: String
    /// `{{1}}`, `{{2}}`… in order.
    public var values: [String]
    public var twilioContentSID: String?
    public var metaName: String
    public var metaLanguage: String

    /// Twilio's `ContentVariables`: a JSON object keyed by placeholder number, `{"1": "Omar"}`.
    public var twilioContentVariables: String {
        let pairs = values.enumerated().map { index, value in
            // A one-element array encodes the string with JSON's escaping; strip the brackets.
            let quoted = String(decoding: (try? JSONEncoder().encode([value])) ?? Data("[\"\"]".utf8), as: UTF8.self).dropFirst().dropLast()
            return "\"\(index + 1)\":\(quoted)"
        }
        return "{" + pairs.joined(separator: ",") + "}"
    }
}
