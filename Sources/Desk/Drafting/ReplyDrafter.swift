/// A first reply written from who the customer is and what the agent knows: greeting by name, the
/// agent's facts woven in, and a closing in the customer's language and the channel's tone.
///
/// WhatsApp drafts are short and warm with no letterhead; email drafts have a greeting, paragraphs and a
/// signature. Languages without a template fall back to English, and the agent is told.
public struct ReplyDrafter: Sendable {
    public struct Draft: Sendable, Hashable {
        public var text: String
        public var lang: String
        /// Set when the draft is not in the customer's language.
        public var note: String?
    }

    struct Template: Sendable {
        var greeting: @Sendable (String) -> String
        var thanks: String
        var noFacts: String
        var closingWhatsApp: String
        var closingEmail: String
        var signature: String
    }

    public var teamName: String

    public init(teamName: String = "Support team") {
        self.teamName = teamName
    }

    static let templates: [String: Template] = [
        "en": Template(greeting: { "Hi \($0)" }, thanks: "thanks for your message.",
                       noFacts: "We're on it and will reply with an update today.",
                       closingWhatsApp: "Anything else I can help with?", closingEmail: "If anything is unclear, just reply to this email.",
                       signature: "Best regards,"),
        "ar": Template(greeting: { "أهلاً \($0)" }, thanks: "شكراً لتواصلك معنا.", noFacts: "نعمل على طلبك وسنرد عليك بتحديث اليوم.",
                       closingWhatsApp: "هل هناك أي شيء آخر نقدر نساعدك فيه؟", closingEmail: "إذا كان لديك أي استفسار، يسعدنا الرد على رسالتك.",
                       signature: "مع أطيب التحيات،"),
        "hi-Latn": Template(greeting: { "Hi \($0) ji" }, thanks: "message ke liye shukriya.", noFacts: "Hum is par kaam kar rahe hain, aaj hi update denge.",
                            closingWhatsApp: "Aur kuch madad chahiye to batayein 🙏", closingEmail: "Koi sawal ho to isi email par reply karein.",
                            signature: "Dhanyavaad,"),
        "ur-Latn": Template(greeting: { "AoA \($0)" }, thanks: "message ka shukriya.", noFacts: "Hum is par kaam kar rahe hain, aaj hi update dein ge.",
                            closingWhatsApp: "Aur koi madad chahiye to batayein.", closingEmail: "Koi sawal ho to isi email par reply kar dein.",
                            signature: "Shukriya,"),
        "id": Template(greeting: { "Halo Kak \($0)" }, thanks: "terima kasih sudah menghubungi kami.", noFacts: "Kami sedang menanganinya dan akan memberi kabar hari ini.",
                       closingWhatsApp: "Ada lagi yang bisa kami bantu? 🙏", closingEmail: "Jika ada pertanyaan, silakan balas email ini.",
                       signature: "Salam,"),
        "ms": Template(greeting: { "Hai \($0)" }, thanks: "terima kasih kerana menghubungi kami.", noFacts: "Kami sedang uruskan dan akan maklumkan hari ini.",
                       closingWhatsApp: "Ada apa-apa lagi yang boleh kami bantu?", closingEmail: "Jika ada sebarang pertanyaan, sila balas e-mel ini.",
                       signature: "Terima kasih,"),
        "tl": Template(greeting: { "Hi \($0)" }, thanks: "salamat sa mensahe mo.", noFacts: "Inaasikaso na namin ito at magbibigay kami ng update ngayong araw.",
                       closingWhatsApp: "May iba pa ba kaming maitutulong? 😊", closingEmail: "Kung may tanong pa, mag-reply lang po sa email na ito.",
                       signature: "Salamat,"),
    ]

    public func draft(customerName: String?, lang: String?, channel: Channel, facts: String?) -> Draft {
        let requested = lang ?? "en"
        let key = Self.templates[requested] != nil ? requested : (Self.templates[String(requested.prefix(2))] != nil && !requested.contains("-") ? String(requested.prefix(2)) : "en")
        let template = Self.templates[key]!
        let first = customerName.flatMap { $0.split(separator: " ").first.map(String.init) } ?? ""
        let greeting = first.isEmpty ? template.greeting("").trimmingWhitespace() : template.greeting(first)
        let body = facts.map { Self.sentence($0) } ?? template.noFacts
        let note = key == requested || requested == "und" ? nil : "no \(requested) template; drafted in English"
        switch channel {
        case .whatsapp:
            return Draft(text: "\(greeting) 👋 \(body) \(template.closingWhatsApp)", lang: key, note: note)
        case .email:
            let text = "\(greeting),\n\n\(template.thanks.prefix(1).uppercased() + template.thanks.dropFirst())\n\n\(body)\n\n\(template.closingEmail)\n\n\(template.signature)\n\(teamName)"
            return Draft(text: text, lang: key, note: note)
        }
    }

    /// The agent's note as a sentence: capitalised and ending with punctuation.
    static func sentence(_ facts: String) -> String {
        var text = facts.trimmingWhitespace()
        guard let first = text.first else { return text }
        text = first.uppercased() + text.dropFirst()
        if let last = text.last, !".!?؟।".contains(last) { text += "." }
        return text
    }
}
