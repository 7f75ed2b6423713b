import Desk
import WhatsApp

extension ContactKey {
    /// The sender as the WhatsApp module already chose it (the phone from `From`/`WaId` when there is
    /// one, else the business-scoped id), so both providers file one person under the same key.
    init(whatsapp sender: WhatsAppContactID) {
        switch sender.kind {
        case .phone(let phone): self = .phone(phone.e164)
        case .opaque(let id): self = .whatsappID(id)
        }
    }
}
