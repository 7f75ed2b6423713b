import Desk
import IRCClient

/// Agents' commands run side by side, so one slow LLM draft (up to its 20 s timeout) never stalls
/// another agent's `claim`; commands that name the same ticket still run in the order they arrived.
/// At most ``maxConcurrentCommands`` run at once: beyond that the event loop waits, which is the
/// backpressure a burst of commands should meet.
extension DeskBot {
    static let maxConcurrentCommands = 8

    func dispatch(_ message: IRCChatMessage) async {
        guard let parsed = parse(message) else { return }
        await acquireCommandSlot()
        let ticketID = (try? parsed.get())?.ticketID
        commandSequence += 1
        let sequence = commandSequence
        let previous = ticketID.flatMap { ticketTails[$0]?.task }
        let task = Task {
            await previous?.value
            await self.handle(parsed, from: message)
            await self.commandFinished(ticketID: ticketID, sequence: sequence)
        }
        if let ticketID { ticketTails[ticketID] = (sequence, task) }
    }

    private func commandFinished(ticketID: Int64?, sequence: Int) {
        if let ticketID, ticketTails[ticketID]?.sequence == sequence { ticketTails[ticketID] = nil }
        if commandSlotWaiters.isEmpty {
            commandsRunning -= 1
        } else {
            // The slot passes straight to the next command.
            commandSlotWaiters.removeFirst().resume()
        }
    }

    private func acquireCommandSlot() async {
        guard commandsRunning >= Self.maxConcurrentCommands else {
            commandsRunning += 1
            return
        }
        await withCheckedContinuation { commandSlotWaiters.append($0) }
    }
}
