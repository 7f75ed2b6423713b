/// A first reply written from who the customer is and what the agent knows: greeting by name, the
/// agent's facts woven in, the knowledge-base passage that answers the question with a link to the
/// article, and a closing in the customer's language and the channel's tone.
///
/// WhatsApp drafts are short and warm with no letterhead; email drafts have a greeting, paragraphs and a
/// signature. Languages without a template fall back to English, and the agent is told. A passage is
/// quoted only when the article is in the draft's language (a Thai sentence in an English reply helps
/// nobody); otherwise the draft links the article and the agent is told why there is no summary.
public struct ReplyDrafter: Sendable {
    public struct Draft: Sendable, Hashable {
        public var text: String
        public var lang: String
        /// Set when the draft is not in the customer's language, or leaves out the article's passage.
        public var note: String?
        /// The article the draft links, if any.
        public var article: KnowledgeReference?
    }

    /// How long a quoted passage may be: a WhatsApp reply stays a few lines, an email can explain.
    public static func passageLimit(for channel: Channel) -> Int {
        channel == .whatsapp ? 240 : 600
    }

    struct Template: Sendable {
        var greeting: @Sendable (String) -> String
        var thanks: String
        var noFacts: String
        var closingWhatsApp: String
        var closingEmail: String
        var signature: String
        /// Introduces the article link: short on WhatsApp, a sentence in email.
        var linkWhatsApp: @Sendable (String) -> String
        var linkEmail: @Sendable (String) -> String
    }

    public var teamName: String

    public init(teamName: String = "Support team") {
        self.teamName = teamName
    }

    static let templates: [String: Template] = [
        "en": Template(greeting: { "Hi \($0)" }, thanks: "thanks for your message.",
                       noFacts: "We're on it and will reply with an update today.",
                       closingWhatsApp: "Anything else I can help with?", closingEmail: "If anything is unclear, just reply to this email.",
                       signature: "Best regards,",
                       linkWhatsApp: { "Step by step: \($0)" }, linkEmail: { "The full guide is here: \($0)" }),
        "ar": Template(greeting: { "أهلاً \($0)" }, thanks: "شكراً لتواصلك معنا.", noFacts: "نعمل على طلبك وسنرد عليك بتحديث اليوم.",
                       closingWhatsApp: "هل هناك أي شيء آخر نقدر نساعدك فيه؟", closingEmail: "إذا كان لديك أي استفسار، يسعدنا الرد على رسالتك.",
                       signature: "مع أطيب التحيات،",
                       linkWhatsApp: { "التفاصيل هنا: \($0)" }, linkEmail: { "تجد الشرح الكامل هنا: \($0)" }),
        "hi-Latn": Template(greeting: { "Hi \($0) ji" }, thanks: "message ke liye shukriya.", noFacts: "Hum is par kaam kar rahe hain, aaj hi update denge.",
                            closingWhatsApp: "Aur kuch madad chahiye to batayein 🙏", closingEmail: "Koi sawal ho to isi email par reply karein.",
                            signature: "Dhanyavaad,",
                            linkWhatsApp: { "Poori jaankari: \($0)" }, linkEmail: { "Poora guide yahan hai: \($0)" }),
        "ur-Latn": Template(greeting: { "AoA \($0)" }, thanks: "message ka shukriya.", noFacts: "Hum is par kaam kar rahe hain, aaj hi update dein ge.",
                            closingWhatsApp: "Aur koi madad chahiye to batayein.", closingEmail: "Koi sawal ho to isi email par reply kar dein.",
                            signature: "Shukriya,",
                            linkWhatsApp: { "Tafseel: \($0)" }, linkEmail: { "Mukammal guide yahan hai: \($0)" }),
        "id": Template(greeting: { "Halo Kak \($0)" }, thanks: "terima kasih sudah menghubungi kami.", noFacts: "Kami sedang menanganinya dan akan memberi kabar hari ini.",
                       closingWhatsApp: "Ada lagi yang bisa kami bantu? 🙏", closingEmail: "Jika ada pertanyaan, silakan balas email ini.",
                       signature: "Salam,",
                       linkWhatsApp: { "Panduan lengkapnya: \($0)" }, linkEmail: { "Panduan lengkapnya ada di sini: \($0)" }),
        "ms": Template(greeting: { "Hai \($0)" }, thanks: "terima kasih kerana menghubungi kami.", noFacts: "Kami sedang uruskan dan akan maklumkan hari ini.",
                       closingWhatsApp: "Ada apa-apa lagi yang boleh kami bantu?", closingEmail: "Jika ada sebarang pertanyaan, sila balas e-mel ini.",
                       signature: "Terima kasih,",
                       linkWhatsApp: { "Panduan penuh: \($0)" }, linkEmail: { "Panduan penuh boleh dibaca di sini: \($0)" }),
        "tl": Template(greeting: { "Hi \($0)" }, thanks: "salamat sa mensahe mo.", noFacts: "Inaasikaso na namin ito at magbibigay kami ng update ngayong araw.",
                       closingWhatsApp: "May iba pa ba kaming maitutulong? 😊", closingEmail: "Kung may tanong pa, mag-reply lang po sa email na ito.",
                       signature: "Salamat,",
                       linkWhatsApp: { "Buong steps dito: \($0)" }, linkEmail: { "Nandito po ang buong gabay: \($0)" }),
    ]

    /// - Parameter expectation: when the draft defers (no facts and no article, or facts that promise
    ///   nothing concrete), the time it promises instead of a vague "we'll get back to you".
    public func draft(customerName: String?, lang: String?, channel: Channel, facts: String?,
                      article: KnowledgeReference? = nil, expectation: Expectation? = nil) -> Draft {
        let requested = lang ?? "en"
        let key = Self.templates[requested] != nil ? requested : (Self.templates[String(requested.prefix(2))] != nil && !requested.contains("-") ? String(requested.prefix(2)) : "en")
        let template = Self.templates[key]!
        let first = customerName.flatMap { $0.split(separator: " ").first.map(String.init) } ?? ""
        let greeting = first.isEmpty ? template.greeting("").trimmingWhitespace() : template.greeting(first)
        var notes: [String] = []
        if key != requested && requested != "und" { notes.append("no \(requested) template; drafted in English") }
        var passage: String?
        if let article, !article.passage.isEmpty {
            if article.lang == key {
                passage = article.passage
            } else {
                notes.append("the article is in \(article.lang), so the draft links it without a summary")
            }
        }
        var facts = facts.map { Self.sentence($0) }
        let promise = expectation?.sentence(lang: key)
        if let promise, let given = facts, VagueReplyGuard.isVague(given) { facts = given + " " + promise }
        let fallback = promise ?? template.noFacts
        let note = notes.isEmpty ? nil : notes.joined(separator: "; ")
        switch channel {
        case .whatsapp:
            let parts = [facts ?? (passage == nil ? fallback : nil), passage, article.map { template.linkWhatsApp($0.url) }]
            let body = parts.compactMap { $0 }.joined(separator: " ")
            return Draft(text: "\(greeting) 👋 \(body) \(template.closingWhatsApp)", lang: key, note: note, article: article)
        case .email:
            let paragraphs: [String?] = [
                "\(greeting),", template.thanks.prefix(1).uppercased() + String(template.thanks.dropFirst()),
                facts ?? (passage == nil ? fallback : nil), passage, article.map { template.linkEmail($0.url) },
                template.closingEmail, "\(template.signature)\n\(teamName)",
            ]
            return Draft(text: paragraphs.compactMap { $0 }.joined(separator: "\n\n"), lang: key, note: note, article: article)
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
