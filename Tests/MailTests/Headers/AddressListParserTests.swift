import Testing
@testable import Mail

@Suite struct AddressListParserTests {
    private func parse(_ s: String) -> [EmailAddress] {
        AddressListParser.parse(Array(s.utf8)[...])
    }

    @Test func displayNames() {
        #expect(parse("Priya Nair <priya.nair@mail.example>") == [EmailAddress(name: "Priya Nair", address: "priya.nair@mail.example")])
        #expect(parse("\"Al-Mansouri, Khalid\" <k@corp.example>") == [EmailAddress(name: "Al-Mansouri, Khalid", address: "k@corp.example")])
        #expect(parse("<support@bazaarly.example>") == [EmailAddress(name: nil, address: "support@bazaarly.example")])
        #expect(parse("rizky@mail.example") == [EmailAddress(name: nil, address: "rizky@mail.example")])
    }

    @Test func encodedWordsInNames() {
        #expect(parse("=?utf-8?b?Tmd1eeG7hW4gVGjhu4s=?= Lan <lan@mail.example>").first?.name == "Nguyễn Thị Lan")
        #expect(parse("\"=?UTF-8?B?2KPYrdmF2K8=?=\" <a@mail.example>").first?.name == "أحمد")
    }

    @Test func whitespaceInNames() {
        #expect(parse("Lee\r\n   Mei  Ling <l@x.example>").first?.name == "Lee Mei Ling")
        #expect(parse("\"Lee  Mei Ling\" <l@x.example>").first?.name == "Lee  Mei Ling")
    }

    @Test func commentAsName() {
        #expect(parse("MAILER-DAEMON@mx1.example (Mail Delivery System)") == [EmailAddress(name: "Mail Delivery System", address: "MAILER-DAEMON@mx1.example")])
    }

    @Test func listsAndGroups() {
        let list = parse("\"Doe, J\" <j@x.example>, b@y.example (Bee), Team: c@z.example, d@z.example;, e@w.example")
        #expect(list.map(\.address) == ["j@x.example", "b@y.example", "c@z.example", "d@z.example", "e@w.example"])
        #expect(parse("undisclosed-recipients:;").isEmpty)
    }

    @Test func foldedAndRouted() {
        #expect(parse("Long Name\r\n <long@mail.example>").first == EmailAddress(name: "Long Name", address: "long@mail.example"))
        #expect(parse("<@relay.example:user@mail.example>").first?.address == "user@mail.example")
    }
}
