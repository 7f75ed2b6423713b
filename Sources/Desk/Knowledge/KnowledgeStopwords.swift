/// Function words that say nothing about which article answers a question, in the languages customers
/// write: English, Arabic and Arabizi, Hinglish and Roman Urdu, Indonesian, Malay and Tagalog. Written
/// folded (see ``KnowledgeText/fold(_:)``), so Arabic entries have no hamza seats or ta marbuta.
///
/// Negations stay out of search too ("not", "nahi", "tak", "hindi"): every troubleshooting article says
/// them, so they would rank by length, not by topic.
enum KnowledgeStopwords {
    static let all: Set<String> = english.union(arabic).union(arabizi).union(southAsian).union(malayIndonesian).union(tagalog)

    static let english: Set<String> = [
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "from", "with", "into",
        "about", "as", "is", "am", "are", "was", "were", "be", "been", "being", "do", "does", "did", "doing", "done",
        "have", "has", "had", "having", "i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours",
        "he", "she", "it", "its", "they", "them", "their", "this", "that", "these", "those", "there", "here", "what",
        "which", "who", "whom", "how", "why", "when", "where", "can", "could", "will", "would", "shall", "should",
        "may", "might", "must", "not", "no", "yes", "so", "too", "very", "just", "any", "some", "all", "also",
        "please", "pls", "plz", "hi", "hello", "hey", "dear", "thanks", "thank", "ok", "okay", "guys", "team", "sir",
        "madam", "get", "got", "getting", "im", "ive", "dont", "doesnt", "didnt", "cant", "wont", "isnt", "re", "ll",
        "ve", "s", "t", "d", "m", "again", "still", "now", "then", "than", "over",
        "someone", "something", "way", "there", "want", "need", "know", "until", "till", "many", "much", "since",
    ]

    static let arabic: Set<String> = [
        "في", "من", "الي", "علي", "عن", "مع", "هل", "ما", "لا", "لم", "لن", "ليس", "مش", "مو", "انا", "احنا", "نحن",
        "انت", "انتم", "هو", "هي", "هذا", "هذه", "ذلك", "تلك", "هاد", "ده", "دي", "اللي", "الذي", "التي", "كيف",
        "ايش", "وش", "شو", "ليش", "لو", "اذا", "او", "ثم", "كل", "قد", "كان", "يا", "عندي", "عندنا", "عندكم", "لي",
        "لنا", "فيه", "فيها", "بس", "يعني", "السلام", "عليكم", "مرحبا", "اهلا", "شكرا", "ممكن", "الله",
        "ابي", "ابغي", "ابغا", "عايز", "عاوز", "بدي", "حبيبي", "اخي",
    ]

    static let arabizi: Set<String> = [
        "el", "al", "il", "w", "wa", "we", "fi", "fe", "men", "min", "ana", "enta", "enti", "ehna", "howa", "heya",
        "da", "de", "di", "dah", "deh", "ya", "ma", "mesh", "msh", "mish", "mosh", "leh", "law", "aw", "bas",
        "3ayez", "3ayza", "3awez", "3ala", "3an", "ezay", "ezzay", "eh", "keda", "kda", "lel", "lil", "3al",
        "beta3y", "beta3ty", "beta3na", "bta3y", "m3a", "ma3a", "ahlan", "salam", "shokran", "habibi", "yalla",
    ]

    /// Hinglish and Roman Urdu share most function words.
    static let southAsian: Set<String> = [
        "hai", "hain", "ho", "hu", "hoon", "tha", "thi", "the", "ka", "ki", "ke", "ko", "se", "me", "mein", "mai",
        "main", "mera", "meri", "mere", "hum", "hamara", "hamari", "hamare", "aap", "ap", "apna", "apni", "apne",
        "tum", "tera", "kya", "kyu", "kyun", "kaise", "kaisay", "kab", "kahan", "nahi", "nahin", "nhi", "na", "bhi",
        "to", "toh", "ye", "yeh", "wo", "woh", "aur", "ya", "par", "pe", "bhai", "ji", "sir", "please", "plz",
        "kar", "karo", "karu", "karna", "karne", "karein", "kare", "raha", "rahi", "rahe", "gaya", "gayi", "gaye",
        "diya", "liya", "sakte", "sakta", "sakti", "chahiye", "aoa", "salam", "shukriya", "dein", "do", "de",
        "hi", "ab", "abhi", "kuch", "koi", "saath", "liye", "wala", "wali",
    ]

    static let malayIndonesian: Set<String> = [
        "yang", "dan", "di", "ke", "dari", "ini", "itu", "ada", "saya", "aku", "kami", "kita", "anda", "kamu", "dia",
        "mereka", "ya", "kak", "kakak", "pak", "bu", "bang", "gan", "min", "mas", "mbak", "nya", "sih", "dong", "deh",
        "kok", "lah", "kah", "tak", "tidak", "gak", "ga", "nggak", "enggak", "ngga", "belum", "sudah", "udah", "dah",
        "akan", "untuk", "buat", "dengan", "pada", "atau", "juga", "bisa", "boleh", "mau", "nak", "macam", "mana",
        "gimana", "bagaimana", "apa", "apakah", "kenapa", "ni", "tu", "je", "pun", "lagi", "masih", "hai", "halo",
        "tolong", "mohon", "terima", "kasih", "makasih", "ke", "oleh", "sama", "tapi", "kalau", "kalo", "jadi",
    ]

    static let tagalog: Set<String> = [
        "ang", "ng", "sa", "si", "ni", "mga", "na", "po", "ko", "mo", "ka", "ako", "ikaw", "siya", "kami", "kayo",
        "sila", "namin", "natin", "nila", "ninyo", "yung", "iyong", "ito", "iyan", "iyon", "ba", "pa", "din", "rin",
        "lang", "naman", "kasi", "pero", "at", "o", "kung", "para", "hindi", "di", "wala", "may", "meron", "paano",
        "pano", "ano", "bakit", "kailan", "saan", "pwede", "puwede", "gusto", "sana", "salamat", "opo", "oo", "nga",
        "yun", "dito", "doon", "kay", "nang", "ay", "mag", "nag", "pag", "maka", "naka",
    ]
}
