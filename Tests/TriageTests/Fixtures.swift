import Triage

/// A small hand-written training set for mechanism tests: enough signal per class and a few languages,
/// trained with a tiny hash table so that debug-build tests stay fast.
enum Fixtures {
    static let rows: [(String, TriageCategory, String, Urgency)] = [
        ("how do I add a new user to my account", .support, "en", .normal),
        ("where can I change the store address in settings", .support, "en", .normal),
        ("how to reset my password please", .support, "en", .normal),
        ("can you tell me how to set up the printer", .support, "en", .normal),
        ("where do I find last month's reports", .support, "en", .normal),
        ("cara ganti password akun gimana kak", .support, "id", .normal),
        ("paano po mag add ng bagong user", .support, "tl", .normal),
        ("kaise naya user add karun", .support, "hi-Latn", .normal),
        ("I was charged twice this month, please refund one", .billing, "en", .high),
        ("my invoice shows the wrong amount", .billing, "en", .normal),
        ("can I get a receipt with our tax number", .billing, "en", .normal),
        ("how much is the annual plan price", .billing, "en", .normal),
        ("payment failed but money was taken from my card", .billing, "en", .high),
        ("tagihan bulan ini kok lebih mahal", .billing, "id", .normal),
        ("invoice pe GST number galat hai", .billing, "hi-Latn", .normal),
        ("bakit po mas mataas ang singil ngayong buwan", .billing, "tl", .normal),
        ("I want to cancel my subscription", .churnRisk, "en", .normal),
        ("we are moving to a competitor, it is cheaper", .churnRisk, "en", .normal),
        ("please do not renew our contract", .churnRisk, "en", .normal),
        ("close our account at the end of the month", .churnRisk, "en", .normal),
        ("too expensive, we will switch to another provider", .churnRisk, "en", .normal),
        ("kami mau berhenti langganan bulan depan", .churnRisk, "id", .normal),
        ("subscription cancel karna hai", .churnRisk, "hi-Latn", .normal),
        ("lilipat na kami sa ibang app", .churnRisk, "tl", .normal),
        ("please add a dark mode", .featureRequest, "en", .normal),
        ("it would be great to have an export to excel option", .featureRequest, "en", .normal),
        ("can you add support for Apple Pay", .featureRequest, "en", .normal),
        ("we would love a WhatsApp integration", .featureRequest, "en", .normal),
        ("suggestion: offline mode for the driver app", .featureRequest, "en", .normal),
        ("tolong tambah fitur cetak struk", .featureRequest, "id", .normal),
        ("ek naya feature chahiye report ke liye", .featureRequest, "hi-Latn", .normal),
        ("sana may dark mode po", .featureRequest, "tl", .normal),
        ("the app crashes when I open orders", .bugReport, "en", .normal),
        ("error 500 on the dashboard, site is down for all customers", .bugReport, "en", .high),
        ("sync is not working since the update", .bugReport, "en", .normal),
        ("report totals are wrong after the update", .bugReport, "en", .normal),
        ("login button does nothing, broken", .bugReport, "en", .normal),
        ("aplikasi error terus tidak bisa dibuka", .bugReport, "id", .normal),
        ("app baar baar crash ho raha hai", .bugReport, "hi-Latn", .normal),
        ("nagka-crash yung app pag nag print", .bugReport, "tl", .normal),
        ("thanks, that worked", .noAction, "en", .normal),
        ("ok noted", .noAction, "en", .normal),
        ("good morning team", .noAction, "en", .normal),
        ("out of office until Monday, I will reply when I return", .noAction, "en", .normal),
        ("thank you so much 🙏", .noAction, "en", .normal),
        ("oke makasih kak", .noAction, "id", .normal),
        ("theek hai shukriya", .noAction, "hi-Latn", .normal),
        ("salamat po, okay na", .noAction, "tl", .normal),
    ]

    static var examples: [LabeledExample] {
        rows.map { LabeledExample(text: $0.0, category: $0.1, lang: $0.2, channel: .whatsapp, urgency: $0.3, source: "fixture") }
    }

    static var configuration: TrainingConfiguration {
        var configuration = TrainingConfiguration()
        configuration.features.categoryBits = 14
        configuration.features.languageBits = 12
        configuration.epochs = 12
        configuration.calibrationFraction = 0
        configuration.threads = 1
        return configuration
    }

    /// Trained once and shared by every test that needs a model.
    static let model: TriageModel = TriageTrainer(configuration: configuration).train(examples)
}
