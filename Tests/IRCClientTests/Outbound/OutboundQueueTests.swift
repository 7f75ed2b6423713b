import IRC
@testable import IRCClient
import Testing

@Suite("OutboundQueue")
struct OutboundQueueTests {
    static func line(_ text: String) -> QueuedLine {
        QueuedLine(message: IRCMessage(command: "PRIVMSG", parameters: ["#support", text]))
    }

    @Test("command replies leave before urgent cards, urgent cards before cards")
    func order() {
        var queue = OutboundQueue()
        queue.append(Self.line("card"), priority: .card)
        queue.append(Self.line("urgent"), priority: .urgentCard)
        queue.append(Self.line("reply"), priority: .commandReply)
        #expect(queue.count(atMost: .urgentCard) == 2)
        let order = (0..<3).compactMap { _ in queue.popFirst()?.line.message.parameters[1] }
        #expect(order == ["reply", "urgent", "card"])
    }

    @Test("card lanes are bounded; command replies never are")
    func bounded() {
        var queue = OutboundQueue()
        for index in 0..<(OutboundQueue.laneLimit + 50) {
            queue.append(Self.line("card \(index)"), priority: .card)
            queue.append(Self.line("reply \(index)"), priority: .commandReply)
        }
        #expect(queue.count(atMost: .commandReply) == OutboundQueue.laneLimit + 50)
        #expect(queue.count == 2 * OutboundQueue.laneLimit + 50)
        #expect(queue.dropped == 50)
    }
}
