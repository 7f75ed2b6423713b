import Desk
import Foundation
import Testing

/// The one rule for where a reply goes: `From`, a same-customer `Reply-To`, or a `Reply-To` an agent chose.
@Suite struct ReplyRecipientTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)
    static let ticket = Ticket(id: 7, customerID: 1, state: .open, channel: .email, createdAt: now, updatedAt: now)
    static let contacts = [Contact(id: 1, customerID: 1, key: .email("pat@kettle.example")),
                           Contact(id: 2, customerID: 1, key: .email("pat.k@home.example"))]

    static func inbound(_ id: Int64, customer: Int64?, sender: String?, replyTo: String? = nil, channel: Channel = .email) -> Message {
        Message(id: id, ticketID: 7, direction: .inbound, channel: channel, text: "m\(id)", status: .received, receivedAt: now,
                customerID: customer, sender: sender, replyTo: replyTo)
    }

    static func choose(_ messages: [Message], owner: Int64? = nil, agent: Bool = false) -> Result<ReplyRecipient, ReplyRecipient.Problem> {
        ReplyRecipient.choose(ticket: ticket, messages: messages, contacts: contacts, replyToOwner: owner, agentChoseReplyTo: agent)
    }

    @Test func fromUnlessTheReplyToIsTheSameCustomers() throws {
        let message = Self.inbound(1, customer: 1, sender: "pat.k@home.example", replyTo: "pat@evil.example")
        #expect(try Self.choose([message]).get().address == "pat.k@home.example", "the sender, not its first contact")
        #expect(try Self.choose([message], owner: 2).get().reason == .sender, "another customer's Reply-To is not used")
        let same = try Self.choose([message], owner: 1).get()
        #expect(same.address == "pat@evil.example" && same.reason == .replyToSameCustomer)
        let chosen = try Self.choose([message], agent: true).get()
        #expect(chosen.address == "pat@evil.example" && chosen.reason == .replyToChosen)
        #expect(Self.choose([Self.inbound(1, customer: 1, sender: "pat@kettle.example")], agent: true) == .failure(.noReplyTo))
    }

    @Test func anotherSendersMessageDoesNotRedirectTheReply() throws {
        let messages = [Self.inbound(1, customer: 1, sender: "pat@kettle.example"),
                        Self.inbound(2, customer: 9, sender: "chris@kettle.example", replyTo: "chris@home.example")]
        let recipient = try Self.choose(messages, agent: false).get()
        #expect(recipient.address == "pat@kettle.example")
        #expect(recipient.answering?.id == 1)
        #expect(Self.choose(messages, agent: true) == .failure(.noReplyTo), "the colleague's Reply-To is not the customer's")
    }

    @Test func rowsWithoutASenderAreAnsweredAtTheFirstContactAsBefore() throws {
        let legacy = try Self.choose([Self.inbound(1, customer: nil, sender: nil)]).get()
        #expect(legacy.address == "pat@kettle.example" && legacy.reason == .firstContact)
        #expect(try Self.choose([]).get().address == "pat@kettle.example")
        let noEmail = ReplyRecipient.choose(ticket: Self.ticket, messages: [], contacts: [Contact(id: 3, customerID: 1, key: .phone("+971501234567"))],
                                            replyToOwner: nil)
        #expect(noEmail == .failure(.noAddress))
    }
}
