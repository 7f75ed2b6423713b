import Desk
import Synchronization
@testable import Switchboard

/// An intake listener that remembers what the desk would have been told.
final class RecordingListener: IntakeListener {
    struct Call: Sendable, Equatable {
        var providerID: String
        var contact: String
        var isFlooding: Bool
    }

    private let calls = Mutex<[Call]>([])

    func didIngest(_ receipt: IngestReceipt, message: InboundMessage, triage: TriageSummary?, isFlooding: Bool) async {
        calls.withLock { $0.append(Call(providerID: message.providerID, contact: message.contact.value, isFlooding: isFlooding)) }
    }

    var recorded: [Call] { calls.withLock { $0 } }
}
