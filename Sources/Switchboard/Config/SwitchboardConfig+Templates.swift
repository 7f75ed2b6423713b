import Desk
import Yams

extension SwitchboardConfig {
    /// `whatsapp.templates`: a list of `{name, lang, text, variables, twilio_content_sid, meta_name, meta_language}`.
    /// With Twilio configured every template needs its Content SID, since Twilio sends templates by SID only.
    static func parseTemplates(_ node: Node?, reader r: ConfigReader, twilio: Bool) -> [MessageTemplate] {
        var templates: [MessageTemplate] = []
        for (index, item) in (r.sequence(node, at: "whatsapp.templates") ?? []).enumerated() {
            let path = "whatsapp.templates[\(index)]"
            guard let fields = r.mapping(item, at: path, allowed: [
                "name", "lang", "text", "variables", "twilio_content_sid", "meta_name", "meta_language",
            ]) else { continue }
            let name = r.string(fields["name"], at: "\(path).name", required: true) ?? ""
            let text = r.string(fields["text"], at: "\(path).text", required: true) ?? ""
            var variables: [TemplateVariable] = []
            for (position, raw) in (r.strings(fields["variables"], at: "\(path).variables") ?? []).enumerated() {
                guard let variable = TemplateVariable(rawValue: raw) else {
                    let known = TemplateVariable.allCases.map(\.rawValue).joined(separator: ", ")
                    r.error("\(path).variables[\(position)]", "\"\(raw)\" is not one of \(known)")
                    continue
                }
                variables.append(variable)
            }
            if text.contains("{{\(variables.count + 1)}}") {
                r.error("\(path).text", "uses {{\(variables.count + 1)}} but only \(variables.count) variables are listed")
            }
            let contentSID = r.string(fields["twilio_content_sid"], at: "\(path).twilio_content_sid")
            if twilio && contentSID == nil {
                r.error("\(path).twilio_content_sid", "is required when Twilio sends WhatsApp (Twilio sends templates by Content SID)")
            }
            if templates.contains(where: { $0.name == name }) {
                r.error("\(path).name", "\"\(name)\" is used by another template")
            }
            templates.append(MessageTemplate(
                name: name, lang: r.string(fields["lang"], at: "\(path).lang") ?? "en", text: text, variables: variables,
                twilioContentSID: contentSID, metaName: r.string(fields["meta_name"], at: "\(path).meta_name"),
                metaLanguage: r.string(fields["meta_language"], at: "\(path).meta_language")))
        }
        return templates
    }
}
