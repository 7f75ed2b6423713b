/// One read of the event log after a mark: the tickets found, and the mark to read after next time.
public struct RoutedTicketsPage: Sendable {
    public var tickets: [RoutedTicket]
    public var nextMark: Int64

    public init(tickets: [RoutedTicket], nextMark: Int64) {
        self.tickets = tickets
        self.nextMark = nextMark
    }
}
