import Testing

@testable import SMTPClient

@Suite struct OutgoingEmailSubjectTests {
    @Test(arguments: [
        ("Refund for order 1182", "Re: Refund for order 1182 [#42]"),
        ("Re: Refund for order 1182", "Re: Refund for order 1182 [#42]"),
        ("RE: re: Refund [#42]", "Re: Refund [#42]"),
        ("Re:Refund", "Re: Refund [#42]"),
        ("AW: Rechnung", "Re: AW: Rechnung [#42]"),
        ("", "Re: [#42]"),
        ("  مشكلة   في الدفع ", "Re: مشكلة في الدفع [#42]"),
        ("Re: [#42] Refund", "Re: Refund [#42]"),
    ])
    func replySubject(original: String, expected: String) {
        #expect(OutgoingEmail.replySubject(to: original, ticketID: 42) == expected)
    }

    @Test func keepsAnotherTicketsTag() {
        #expect(OutgoingEmail.replySubject(to: "Re: Old [#7]", ticketID: 42) == "Re: Old [#7] [#42]")
        #expect(OutgoingEmail.replySubject(to: nil, ticketID: 42) == "Re: [#42]")
    }
}
