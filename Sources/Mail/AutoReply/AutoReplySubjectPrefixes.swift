/// Subject prefixes that auto-responders (Outlook/Exchange, Gmail, Zimbra, Yahoo, helpdesks) write, in
/// the languages Switchboard's customers use and the major European and Asian ones. Lower-case, NFC.
/// A subject is automatic only when it *starts* with one of these followed by a colon, so "Re: Automatic
/// reply: …" (a person answering an auto-reply) does not match. Words a person might put before a colon
/// themselves ("Vacation:", "Absent:") are deliberately missing.
enum AutoReplySubjectPrefixes {
    static let all: Set<String> = [
        // English
        "automatic reply", "auto reply", "auto-reply", "autoreply", "auto response", "auto-response",
        "autoresponse", "automatic response", "automated reply", "automated response", "auto-generated",
        "out of office", "out of office reply", "out of office autoreply", "out of office auto reply",
        "out of the office", "out-of-office", "vacation reply", "away from the office", "away from office",
        "absence notice",
        // German, French, Spanish, Portuguese, Italian, Dutch, Nordic, Polish, Czech, Hungarian, Turkish,
        // Russian
        "automatische antwort", "abwesenheitsnotiz", "réponse automatique", "reponse automatique",
        "absent du bureau", "respuesta automática", "respuesta automatica", "fuera de la oficina",
        "resposta automática", "resposta automatica", "fora do escritório", "risposta automatica",
        "fuori sede", "fuori ufficio", "automatisch antwoord", "autosvar", "automatisk svar",
        "automaattinen vastaus", "odpowiedź automatyczna", "automatická odpověď", "automatikus válasz",
        "otomatik yanıt", "otomatik cevap", "автоматический ответ", "автоответ",
        // Chinese, Japanese, Korean
        "自动回复", "自動回覆", "自动答复", "自動回信", "自動応答", "自動返信", "자동 회신", "자동 응답",
        // Arabic
        "رد تلقائي", "الرد التلقائي", "رد آلي", "رد الي", "رد اوتوماتيكي", "رد أوتوماتيكي", "خارج المكتب",
        "رد تلقائى",
        // Indonesian, Malay
        "balasan otomatis", "balas otomatis", "jawaban otomatis", "balasan automatis", "di luar kantor",
        "balasan automatik", "jawapan automatik", "balasan auto", "di luar pejabat",
        // Thai
        "ตอบกลับอัตโนมัติ", "การตอบกลับอัตโนมัติ", "ข้อความตอบกลับอัตโนมัติ", "ไม่อยู่ที่สำนักงาน",
        // Vietnamese
        "trả lời tự động", "thư trả lời tự động", "phản hồi tự động",
        // Hindi, Urdu
        "स्वचालित उत्तर", "स्वचालित जवाब", "स्वतः उत्तर", "ऑटो रिप्लाई", "कार्यालय से बाहर",
        "خودکار جواب", "خودکار جوابی", "خودکار ردعمل", "دفتر سے باہر",
        // Tagalog
        "awtomatikong tugon", "awtomatikong sagot", "awtomatikong reply", "wala sa opisina",
    ]
}
