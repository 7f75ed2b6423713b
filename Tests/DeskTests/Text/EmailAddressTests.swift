import Desk
import Testing

@Suite struct EmailAddressTests {
    @Test(arguments: [
        ("Pat@Kettle.Example", "pat@kettle.example"),
        ("  <pat@kettle.example> ", "pat@kettle.example"),
        ("Pat Doe <Pat@kettle.example>", "pat@kettle.example"),
        ("mailto:pat@kettle.example", "pat@kettle.example"),
    ])
    func normalises(raw: String, normal: String) {
        #expect(EmailAddress.normalize(raw) == normal)
    }

    @Test(arguments: ["", "pat", "@kettle.example", "pat@", "pat@.example", "pat doe@kettle.example", "a@b;c@d"])
    func rejects(raw: String) {
        #expect(EmailAddress.normalize(raw) == nil)
    }
}
