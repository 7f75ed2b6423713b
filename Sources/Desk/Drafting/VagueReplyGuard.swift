/// "I'll check and get back to you" is not a reply. A reply that defers without a time or a next step
/// is held until the agent says when, or insists with `--anyway`.
public enum VagueReplyGuard {
    /// Phrases that promise to come back later, in the supported languages (lowercased).
    static let deferrals = [
        "get back to you", "get back to u", "will check", "we'll check", "i'll check", "let me check", "looking into it",
        "look into it", "will revert", "will update you", "we will update", "we'll update", "as soon as possible", "asap",
        "sometime soon", "shortly", "we'll see",
        "سنعود إليك", "سنرد عليك", "سوف نتحقق", "هنشوف", "بنشوف", "راح نشوف", "سنتابع", "نراجع ونرد", "هرجعلك", "برجعلك",
        "check karke batata", "check karke bataenge", "check karte hai", "dekh ke batata", "dekhte hain", "dekhta hoon", "batate hain",
        "jald hi", "baad mein batayenge", "check kar ke",
        "akan kami cek", "kami cek dulu", "nanti kami kabari", "akan dicek", "kami akan periksa", "nanti dikabari",
        "akan kami semak", "nanti kami maklumkan", "titingnan namin", "babalikan ka namin", "ichecheck namin",
    ]

    /// Words that make a deferral specific: a time, a day, a number of hours, or a concrete next step.
    static let specifics = [
        "today", "tomorrow", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "by ", "before ", "within", "hour", "minute", "working day", "business day", " am", " pm", ":00", "o'clock",
        "refund", "refunded", "credited", "reset", "fixed", "deployed", "shipped", "approved",
        "اليوم", "غدا", "غداً", "بكرة", "بكره", "ساعة", "ساعات", "يوم", "قبل", "خلال",
        "aaj", "kal", "ghante", "ghanta", "din mein", "tak",
        "hari ini", "besok", "jam", "esok", "bukas", "mamaya", "oras",
    ]

    /// True when the text defers without naming when or what happens next.
    public static func isVague(_ text: String) -> Bool {
        let lowered = " " + text.lowercased() + " "
        guard deferrals.contains(where: { lowered.contains($0) }) else { return false }
        let hasDigit = lowered.contains { $0.isNumber }
        return !hasDigit && !specifics.contains(where: { lowered.contains($0) })
    }
}
