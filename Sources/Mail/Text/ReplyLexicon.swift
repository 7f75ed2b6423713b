/// The words mail clients write around quoted history, in the languages Switchboard's customers use and
/// the big European ones. All entries are lower-case and NFC; lines are compared after lower-casing and
/// removing bidi marks, Arabic diacritics and tatweel.
enum ReplyLexicon {
    /// Verbs that end an attribution line ("… wrote:"), longest first where one is a suffix of another.
    static let attributionVerbs: [String] = [
        "wrote", "writes", "has written", "a écrit", "a ecrit", "escribió", "escribio", "escreveu", "schrieb",
        "schreibt", "ha scritto", "scrive", "schreef", "skrev", "kirjoitti", "napisał", "napisała",
        "napisal", "napsal", "napsala", "yazdı", "menulis", "telah menulis", "đã viết", "viết", "เขียนว่า",
        "เขียน", "ने लिखा", "लिखा", "نے لکھا", "لکھا", "کہا", "كتب", "كتبت", "كتب ما يلي", "sumulat",
        "isinulat", "nagsulat", "написал", "написала", "написал(а)", "писал", "写道", "寫道", "작성",
        "kirjutas", "írta", "a scris", "έγραψε", "כתב", "כתבה", "نوشت",
    ]

    /// "… wrote on <date>:" forms, matched anywhere in a line that also has an address and a digit.
    static let verbsBeforeDate: [String] = [
        " wrote on ", " a écrit le ", " schrieb am ", " escribió el ", " escreveu em ", " menulis pada ",
        " đã viết vào ", " ha scritto il ",
    ]

    /// Words that start an attribution ("On …", "Le …", "Am …", "Pada …", "Vào …", "في …").
    static let attributionOpeners: [String] = [
        "on", "le", "am", "el", "em", "pada", "pada tanggal", "pada tarikh", "vào", "vao", "lúc", "في", "op",
        "il", "den", "noong", "nung", "เมื่อ", "dne", "w dniu", "в", "às", "a las", "tarihinde", "بتاريخ",
        "بروز",
    ]

    /// Header labels of a quoted header block (Outlook's "From:/Sent:/To:/Subject:", Gmail's forwarded
    /// block, and their translations).
    enum Label: Hashable {
        case from, sent, to, cc, subject
    }

    static let labels: [String: Label] = {
        var map: [String: Label] = [:]
        let from = [
            "from", "von", "de", "da", "van", "från", "fra", "od", "dari", "daripada", "từ", "người gửi",
            "จาก", "ผู้ส่ง", "من", "المرسل", "प्रेषक", "से", "भेजने वाला", "منجانب", "از", "بھیجنے والا",
            "mula kay", "mula", "kimden", "от", "发件人", "寄件者", "寄件人", "差出人", "보낸 사람", "lähettäjä",
            "feladó", "afzender", "expéditeur", "remitente", "remetente", "mittente", "sender", "pengirim",
            "emisor", "nadawca",
        ]
        let sent = [
            "sent", "date", "gesendet", "datum", "envoyé", "envoyé le", "date d'envoi", "enviado", "enviado el",
            "fecha", "data", "inviato", "verzonden", "skickat", "sendt", "wysłano", "tanggal", "dikirim",
            "terkirim", "waktu", "dihantar", "tarikh", "đã gửi", "ngày", "ngày gửi", "thời gian", "ส่ง",
            "ส่งเมื่อ", "วันที่", "تاريخ الإرسال", "التاريخ", "تاريخ", "أرسل", "أرسلت", "ارسل", "بتاريخ",
            "भेजा गया", "भेजा", "दिनांक", "तारीख", "تاریخ", "بھیجا گیا", "بھیجا", "ipinadala", "petsa",
            "gönderildi", "tarih", "gönderme tarihi", "отправлено", "дата", "发送时间", "日期", "送信日時",
            "날짜", "보낸 날짜", "lähetetty", "elküldve", "verstuurd", "sent at",
        ]
        let to = [
            "to", "an", "à", "a", "para", "aan", "till", "til", "do", "kepada", "ke", "untuk", "đến", "tới",
            "người nhận", "ถึง", "ผู้รับ", "إلى", "الى", "المستلم", "प्रति", "को", "बनाम", "بنام", "وصول کنندہ",
            "کو", "para kay", "kay", "kime", "кому", "收件人", "收件者", "宛先", "받는 사람", "vastaanottaja",
            "címzett", "destinataire", "destinatario", "destinatário", "penerima", "adresat",
        ]
        let cc = ["cc", "bcc", "kk", "salinan", "tembusan", "sk", "نسخة", "نسخة إلى", "प्रतिलिपि", "کاپی", "抄送", "副本", "copie"]
        let subject = [
            "subject", "betreff", "objet", "asunto", "assunto", "oggetto", "onderwerp", "ämne", "emne", "temat",
            "perihal", "subjek", "hal", "judul", "chủ đề", "tiêu đề", "เรื่อง", "หัวเรื่อง", "الموضوع", "موضوع",
            "विषय", "paksa", "konu", "тема", "主题", "主旨", "件名", "제목", "aihe", "tárgy", "onderwerp",
        ]
        for l in from { map[l] = .from }
        for l in sent { map[l] = .sent }
        for l in to { map[l] = .to }
        for l in cc { map[l] = .cc }
        for l in subject { map[l] = .subject }
        return map
    }()

    /// The text inside a `----- … -----` separator or before the colon of "Begin forwarded message:".
    static let separatorPhrases: [String] = [
        "original message", "forwarded message", "forwarded", "begin forwarded message", "original",
        "ursprüngliche nachricht", "weitergeleitete nachricht", "anfang der weitergeleiteten nachricht",
        "message d'origine", "message transféré", "message original", "début du message réexpédié",
        "message réexpédié", "mensaje original", "mensaje reenviado", "inicio del mensaje reenviado",
        "mensagem original", "mensagem encaminhada", "início da mensagem reencaminhada", "messaggio originale",
        "messaggio inoltrato", "oorspronkelijk bericht", "doorgestuurd bericht", "pesan asli", "pesan terusan",
        "pesan yang diteruskan", "pesan diteruskan", "mesej asal", "mesej dimajukan", "mesej yang dimajukan",
        "mesej dikirim semula", "thư gốc", "tin nhắn gốc", "thư đã chuyển tiếp", "tin nhắn đã chuyển tiếp",
        "thư chuyển tiếp", "ข้อความต้นฉบับ", "ข้อความที่ส่งต่อ", "ข้อความเดิม", "الرسالة الأصلية",
        "رسالة معاد توجيهها", "الرسالة المعاد توجيهها", "رسالة محولة", "الرسالة المحولة", "मूल संदेश",
        "अग्रेषित संदेश", "फ़ॉरवर्ड किया गया संदेश", "आगे भेजा गया संदेश", "اصل پیغام", "اصل پیغام",
        "آگے بھیجا گیا پیغام", "فارورڈ کردہ پیغام", "orihinal na mensahe", "ipinasang mensahe",
        "ipinasa na mensahe", "orijinal ileti", "iletilen ileti", "исходное сообщение",
        "пересылаемое сообщение", "пересланное сообщение", "原始邮件", "转发的邮件", "原始郵件", "轉寄的郵件",
        "元のメッセージ", "転送されたメッセージ", "원본 메시지", "전달된 메시지", "reply message",
    ]

    /// Starts of device and app taglines ("Sent from my iPhone").
    static let taglinePrefixes: [String] = [
        "sent from my ", "sent from ", "sent via ", "sent using ", "sent with ", "sent on the go",
        "get outlook for ", "get the outlook app", "envoyé de mon ", "envoyé depuis mon ", "envoyé depuis ",
        "envoyé à partir de ", "envoye de mon ", "obtenir outlook pour ", "télécharger outlook",
        "enviado desde mi ", "enviado desde ", "enviado do meu ", "enviado do ", "enviado a partir do ",
        "enviado de meu ", "obtener outlook para ", "obter o outlook para ", "von meinem ", "gesendet von ",
        "gesendet mit ", "gesendet vom ", "inviato da ", "inviato dal mio ", "verzonden vanaf ",
        "verstuurd vanaf ", "verzonden met ", "skickat från ", "sendt fra ", "dikirim dari ", "dikirim dengan ",
        "dikirim menggunakan ", "dikirim via ", "dihantar dari ", "dihantar daripada ", "dihantar menggunakan ",
        "gửi từ ", "được gửi từ ", "gởi từ ", "ส่งจาก ", "ส่งจาก", "ipinadala mula sa ", "ipinadala gamit ang ",
        "ipinadala mula ", "أرسلت من ", "ارسلت من ", "أرسل من ", "ارسل من ", "تم الإرسال من ",
        "تم الارسال من ", "مرسل من ", "مرسلة من ", "أرسلت باستخدام ", "отправлено с ", "отправлено из ",
        "wysłane z ", "odesláno z ", "发自我的", "从我的", "傳送自我的", "iphoneから送信",
    ]

    /// Ends or middles of taglines in languages that put the verb last.
    static let taglineInfixes: [String] = [
        "से भेजा गया", "से भेजा", "سے بھیجا گیا", "سے بھیجا", "سے ارسال", "'umdan gönderildi", "から送信",
        "에서 보냄", "에서 보낸",
    ]
}
