import Desk
import Foundation
import Testing

@Suite("NoActionPolicy")
struct NoActionPolicyTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func message(_ text: String, attachments: [AttachmentInfo] = [], autoReply: Bool = false) -> InboundMessage {
        InboundMessage(channel: .whatsapp, providerID: "SM1", contact: .phone("+971501232233"), text: text,
                       attachments: attachments, isAutoReply: autoReply)
    }

    static let noAction = TriageSummary(category: .noAction, confidence: 0.97, urgency: .normal, lang: "und")

    @Test("a voice note, photo or sticker with no caption is support, never no_action")
    func captionlessMedia() {
        let voice = Self.message("[voice note]", attachments: [.init(contentType: "audio/ogg")])
        #expect(NoActionPolicy.triage(Self.noAction, for: voice)?.category == .support)
        #expect(NoActionPolicy.triage(Self.noAction, for: Self.message("[image]"))?.category == .support)
        #expect(NoActionPolicy.triage(Self.noAction, for: Self.message("", attachments: [.init(contentType: "application/pdf")]))?.category == .support)
        // A caption is the customer's own words: triage stands.
        #expect(NoActionPolicy.triage(Self.noAction, for: Self.message("[image] thanks!"))?.category == .noAction)
        #expect(NoActionPolicy.triage(Self.noAction, for: Self.message("thanks"))?.category == .noAction)
    }

    @Test("only an auto-reply, or a confident pleasantry soon after our reply, closes by itself")
    func closesByItself() {
        let recent = Self.now.addingTimeInterval(-3600)
        #expect(NoActionPolicy.closesByItself(Self.message("Out of office", autoReply: true), confidence: 0.1, lastReplyToCustomer: nil, now: Self.now))
        #expect(NoActionPolicy.closesByItself(Self.message("thanks!"), confidence: 0.95, lastReplyToCustomer: recent, now: Self.now))
        #expect(NoActionPolicy.closesByItself(Self.message("👍"), confidence: 0.9, lastReplyToCustomer: recent, now: Self.now))
        // Never answered: a "thanks" out of the blue is shown.
        #expect(!NoActionPolicy.closesByItself(Self.message("thanks!"), confidence: 0.95, lastReplyToCustomer: nil, now: Self.now))
        // Our reply was long ago.
        #expect(!NoActionPolicy.closesByItself(Self.message("thanks!"), confidence: 0.95,
                                               lastReplyToCustomer: Self.now.addingTimeInterval(-30 * 86_400), now: Self.now))
        // The model is unsure ("any update??" misread).
        #expect(!NoActionPolicy.closesByItself(Self.message("any update??"), confidence: 0.55, lastReplyToCustomer: recent, now: Self.now))
        // Too long to be a pleasantry.
        let long = "ok but the invoice you sent still shows the old amount and my accountant needs the corrected one today"
        #expect(!NoActionPolicy.closesByItself(Self.message(long), confidence: 0.95, lastReplyToCustomer: recent, now: Self.now))
        #expect(!NoActionPolicy.closesByItself(Self.message("[sticker]"), confidence: 0.99, lastReplyToCustomer: recent, now: Self.now))
    }
}
