/// A small language guesser for `new_text`: the script decides Thai, Devanagari (Hindi) and Arabic-script
/// text (Urdu when Urdu-only letters appear, Persian for Persian-only ones, else Arabic); Latin-script text
/// is Vietnamese when it has Vietnamese-only letters, otherwise the language whose stopwords occur most
/// (English, Indonesian, Malay, Tagalog, French, Spanish, Portuguese, German, unaccented Vietnamese).
///
/// It is deliberately self-contained so it can be swapped for Triage's fuller identifier.
enum MailLanguageGuess {
    /// An ISO 639-1 code, or `nil` when there is too little text to tell.
    static func guess(_ text: String) -> String? {
        var thai = 0, devanagari = 0, arabic = 0, latin = 0, other = 0
        var urduOnly = 0, persianOnly = 0, vietnameseOnly = 0
        var scanned = 0
        for scalar in text.unicodeScalars {
            scanned += 1
            if scanned > 20_000 { break }
            let v = scalar.value
            switch v {
            case 0x41...0x5A, 0x61...0x7A:
                latin += 1
            case 0xC0...0x24F, 0x1E00...0x1EFF:
                latin += 1
                if (0x1EA0...0x1EF9).contains(v) || v == 0x111 || v == 0x110 || v == 0x1A1 || v == 0x1A0
                    || v == 0x1B0 || v == 0x1AF || v == 0x103 || v == 0x102 {
                    vietnameseOnly += 1
                }
            case 0...0x7F:
                break  // ASCII digits, spaces and punctuation: not letters
            case 0x0E00...0x0E7F:
                thai += 1
            case 0x0900...0x097F:
                devanagari += 1
            case 0x0600...0x06FF, 0x0750...0x077F, 0xFB50...0xFDFF, 0xFE70...0xFEFF:
                arabic += 1
                switch v {
                case 0x0679, 0x0688, 0x0691, 0x06BA, 0x06BB, 0x06D2, 0x06D3, 0x06C1, 0x06C2, 0x06C3, 0x06BE:
                    urduOnly += 1
                case 0x067E, 0x0686, 0x0698, 0x06A9, 0x06AF, 0x06CC:
                    persianOnly += 1
                default:
                    break
                }
            default:
                if scalar.properties.isAlphabetic { other += 1 }
            }
        }
        // Non-Latin letters weigh double: order numbers, brand names and URLs are Latin in every language.
        let best = max(thai * 2, devanagari * 2, arabic * 2, latin, other * 2)
        guard best > 0 else { return nil }
        if best == thai * 2 { return "th" }
        if best == devanagari * 2 { return "hi" }
        if best == arabic * 2 {
            if urduOnly >= 2 || (urduOnly >= 1 && arabic < 40) { return "ur" }
            if persianOnly >= 3 { return "fa" }
            return "ar"
        }
        if best == latin {
            if vietnameseOnly >= 3 || (vietnameseOnly >= 1 && latin < 40) { return "vi" }
            return latinLanguage(text)
        }
        return nil
    }

    private static let stopwords: [(String, Set<String>)] = [
        ("en", ["the", "and", "to", "is", "i", "you", "my", "of", "for", "it", "not", "have", "please", "this",
                "that", "with", "was", "on", "in", "be", "are", "can", "your", "we", "thanks", "thank", "hi",
                "hello", "would", "could", "will", "but", "me", "at", "from", "has", "an", "do", "did", "still",
                "i'm", "it's", "don't", "yet", "a", "when", "what", "how", "order", "received", "regards", "dear"]),
        ("id", ["saya", "dan", "yang", "untuk", "ini", "itu", "dengan", "tidak", "ada", "di", "ke", "dari",
                "kami", "anda", "akan", "sudah", "belum", "pesanan", "terima", "kasih", "tolong", "mohon",
                "bisa", "karena", "saja", "mau", "kak", "gak", "nggak", "udah", "apakah", "silakan", "rekening",
                "uang", "dong", "sih", "aja", "kok", "banget", "halo", "selamat", "tapi", "dana", "juga",
                "kalau", "bagaimana", "sampai", "barang", "sejak", "masuk", "mengajukan", "dikembalikan"]),
        ("ms", ["saya", "dan", "yang", "untuk", "ini", "itu", "dengan", "tidak", "ada", "di", "ke", "dari",
                "kami", "anda", "akan", "sudah", "belum", "pesanan", "terima", "kasih", "tolong", "mohon",
                "boleh", "kerana", "sahaja", "mahu", "hendak", "encik", "puan", "tak", "nak", "dah", "sila",
                "akaun", "wang", "bayaran", "semula", "daripada", "tuan", "bila", "kedai", "ringgit", "telah",
                "barang", "juga", "tetapi", "bagaimana", "sampai", "hantar", "dihantar"]),
        ("tl", ["ang", "ng", "mga", "sa", "na", "po", "ko", "ako", "hindi", "namin", "ninyo", "yung", "lang",
                "pa", "kayo", "salamat", "paano", "ba", "naman", "opo", "ito", "iyong", "niyo", "nyo", "pero",
                "kasi", "wala", "may", "dumating", "rin", "din", "natanggap", "kailan", "ninyong", "akin", "ka"]),
        ("fr", ["le", "la", "les", "de", "des", "du", "et", "est", "je", "vous", "pas", "pour", "une", "un",
                "mon", "ma", "mes", "que", "qui", "dans", "sur", "avec", "bonjour", "merci", "à", "été", "ne",
                "au", "aux", "il", "elle", "nous", "votre", "cordialement", "commande", "livraison", "plaît",
                "très", "mais", "ou", "ce", "cette", "j'ai", "n'est", "s'il", "était", "être"]),
        ("es", ["el", "la", "los", "las", "de", "y", "que", "en", "un", "una", "por", "para", "con", "mi",
                "es", "se", "lo", "hola", "gracias", "pedido", "está", "muy", "pero", "como", "su", "al",
                "del", "saludos", "favor", "recibí", "todavía"]),
        ("pt", ["os", "de", "que", "em", "um", "uma", "por", "para", "com", "não", "meu",
                "minha", "é", "se", "olá", "obrigado", "obrigada", "pedido", "está", "muito", "mas", "como",
                "seu", "ao", "do", "da", "você", "ainda", "recebi"]),
        ("de", ["der", "die", "das", "und", "ist", "ich", "sie", "nicht", "ein", "eine", "mit", "für", "auf",
                "mein", "meine", "bitte", "danke", "hallo", "bestellung", "es", "zu", "den", "dem", "wir",
                "haben", "habe", "noch", "grüße"]),
        ("vi", ["khong", "duoc", "cua", "toi", "em", "anh", "chi", "minh", "va", "la", "cho", "don", "hang",
                "giao", "roi", "nhung", "voi", "mot", "nay", "da", "chua", "shop", "cam", "on", "ban", "ship",
                "gui", "lai", "bi", "nhe", "ạ", "ơi"]),
    ]

    /// Every stopword with the languages it belongs to: one hash lookup per word.
    private static let index: [String: [String]] = {
        var map: [String: [String]] = [:]
        for (lang, words) in stopwords {
            for word in words { map[word, default: []].append(lang) }
        }
        return map
    }()

    private static func latinLanguage(_ text: String) -> String? {
        var counts = [String: Int]()
        // The word's lower-cased UTF-8, in one reused buffer: building a String scalar by scalar for every
        // word cost more than the rest of the guess.
        var word: [UInt8] = []
        word.reserveCapacity(64)
        func finishWord() {
            guard !word.isEmpty else { return }
            let w = String(decoding: word, as: UTF8.self)
            for lang in index[w] ?? [] { counts[lang, default: 0] += 1 }
            word.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars.prefix(20_000) {
            switch scalar.value {
            case 0x41...0x5A:
                word.append(UInt8(scalar.value | 0x20))
            case 0x61...0x7A, 0x27:
                word.append(UInt8(scalar.value))
            case 0x2019:
                word.append(0x27)
            case 0x80...:
                if scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark {
                    word.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                } else {
                    finishWord()
                }
            default:
                finishWord()
            }
        }
        finishWord()
        guard let top = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && rank($0.key) > rank($1.key)) }),
              top.value > 0 else {
            return nil
        }
        if top.key == "id" || top.key == "ms" {
            let id = counts["id", default: 0], ms = counts["ms", default: 0]
            return ms > id ? "ms" : "id"
        }
        return top.key
    }

    /// Tie-break order: earlier wins.
    private static func rank(_ lang: String) -> Int {
        ["en", "id", "ms", "tl", "fr", "es", "pt", "de", "vi"].firstIndex(of: lang) ?? 99
    }
}
