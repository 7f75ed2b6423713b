import Foundation

/// A pre-approved WhatsApp message template, as configured under `whatsapp.templates`.
///
/// Outside the 24-hour customer-service window WhatsApp only delivers templates that Meta approved
/// beforehand. Twilio addresses one by its Content SID with numbered variables; Meta's Cloud API by name
/// and language with body parameters. `text` is the approved body with `{{1}}`, `{{2}}`… placeholders:
/// Switchboard renders it for the ticket's history and for the agent, and the provider renders its own
/// copy from the same values.
public struct MessageTemplate: Sendable, Hashable {
    public var name: String
    public var lang: String
    public var text: String
    /// What fills `{{1}}`, `{{2}}`…, in order.
    public var variables: [TemplateVariable]
    public var twilioContentSID: String?
    /// Meta's template name; the configured name when absent.
    public var metaName: String?
    /// Meta's language code (`en_US`, `ar`); `lang` when absent.
    public var metaLanguage: String?

    public init(name: String, lang: String, text: String, variables: [TemplateVariable] = [], twilioContentSID: String? = nil,
                metaName: String? = nil, metaLanguage: String? = nil) {
        self.name = name
        self.lang = lang
        self.text = text
        self.variables = variables
        self.twilioContentSID = twilioContentSID
        self.metaName = metaName
        self.metaLanguage = metaLanguage
    }

    /// The variable values for a ticket, and the text the customer will read.
    public func render(_ context: TemplateContext) -> RenderedTemplate {
        let values = variables.map { context.value(of: $0) }
        var text = self.text
        for (index, value) in values.enumerated() {
            text = text.replacingOccurrences(of: "{{\(index + 1)}}", with: value)
        }
        return RenderedTemplate(name: name, lang: lang, text: text, values: values, twilioContentSID: twilioContentSID,
                                metaName: metaName ?? name, metaLanguage: metaLanguage ?? lang)
    }

    /// The templates worth offering for a ticket: its language first, then English, then the rest.
    public static func fitting(_ templates: [MessageTemplate], lang: String?) -> [MessageTemplate] {
        func rank(_ template: MessageTemplate) -> Int {
            if template.lang == lang { return 0 }
            if template.lang == "en" { return 1 }
            return 2
        }
        return templates.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
    }
}
