import Desk
import Testing

@Suite struct TicketReferenceTests {
    @Test(arguments: ["42", "#42", " #42 "])
    func readsTokens(token: String) {
        #expect(TicketReference(token: token)?.id == 42)
    }

    @Test(arguments: ["", "#", "0", "-4", "+4", "4a", "#4 2", "99999999999999999999", "٤٢"])
    func rejectsTokens(token: String) {
        #expect(TicketReference(token: token) == nil)
    }

    @Test func findsTheSubjectTag() {
        #expect(TicketReference(subject: "Re: Refund please [#42]")?.id == 42)
        #expect(TicketReference(subject: "[#7] Re: [#42] both")?.id == 7)
        #expect(TicketReference(subject: "[#x] then [#9]")?.id == 9)
        #expect(TicketReference(subject: "#42 without brackets") == nil)
        #expect(TicketReference(subject: "[42]") == nil)
        #expect(TicketReference(subject: "[#]") == nil)
    }

    @Test func buildsReplySubjects() {
        let ref = TicketReference(42)
        #expect(ref.subjectTag == "[#42]")
        #expect(ref.description == "#42")
        #expect(ref.replySubject(to: "Refund please") == "Re: Refund please [#42]")
        #expect(ref.replySubject(to: "RE: Refund please [#42]") == "RE: Refund please [#42]")
        #expect(ref.replySubject(to: nil) == "Re: Your request [#42]")
        // Found by fuzzing: another ticket's tag would come first and thread the customer's answer there.
        #expect(ref.replySubject(to: "Re: Refund [#7] please") == "Re: Refund please [#42]")
        #expect(TicketReference(subject: ref.replySubject(to: "[#7] [#8] Refund")) == ref)
        #expect(ref.replySubject(to: "Order [#42] and [#7]") == "Re: Order [#42] and")
        #expect(ref.replySubject(to: "Price [#abc] list") == "Re: Price [#abc] list [#42]", "only ticket tags are removed")
    }
}
