import Testing
@testable import Mail

@Suite struct MailLanguageGuessTests {
    static let samples: [(String, String)] = [
        ("en", "Hello, I placed an order last week and it has not arrived yet. Could you please check?"),
        ("ar", "السلام عليكم، طلبت سماعة لاسلكية ووصلتني بلون مختلف عن الذي اخترته."),
        ("ur", "میں نے کل رات ایک موبائل فون کا آرڈر دیا تھا اور رقم واپس کر دیں۔"),
        ("hi", "मैंने होली सेल के दौरान कूपन कोड इस्तेमाल करने की कोशिश की।"),
        ("th", "ผมสั่งรองเท้าวิ่งไซซ์ 42 แต่ใส่แล้วคับเกินไป"),
        ("vi", "Em đã kiểm tra lại hộp hàng, chỉ có 2 chiếc áo thay vì 3 chiếc."),
        ("id", "Saya mencoba membayar pesanan dengan GoPay tapi saldo saya sudah terpotong. Mohon dicek, bisa?"),
        ("ms", "Saya mahu tahu bila pesanan saya akan dihantar kerana saya sudah membuat bayaran semalam."),
        ("tl", "Hindi pa po dumating ang order ko. Kailan po ba ito darating? Salamat po."),
        ("fr", "Bonjour, ma commande devait être livrée le 1er mars mais le livreur n'est jamais venu."),
        ("es", "Hola, mi pedido no ha llegado todavía. Gracias por su ayuda."),
        ("de", "Hallo, ich habe meine Bestellung noch nicht erhalten. Bitte prüfen Sie das."),
    ]

    @Test(arguments: zip(samples.map(\.0), samples.map(\.1)))
    func guessesTheLanguage(expected: String, text: String) {
        #expect(MailLanguageGuess.guess(text) == expected)
    }

    @Test func codeSwitchedTextGetsItsMainLanguage() {
        #expect(MailLanguageGuess.guess("رقم الطلب هو BZ-13356 والمنتج المطلوب استبداله هو خلاط Philips") == "ar")
    }

    @Test func emptyTextIsUnknown() {
        #expect(MailLanguageGuess.guess("") == nil)
        #expect(MailLanguageGuess.guess("BZ-1234 12:00") == nil)
    }
}
