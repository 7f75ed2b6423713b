import Foundation

/// A Meta WhatsApp Cloud API notification (`POST /webhooks/meta`), flattened.
///
/// One POST can carry several entries, each with several changes, each with several messages and
/// statuses, in no guaranteed order. Another help desk read only the first message and lost the rest;
/// this type walks every one of them and sorts each list by Meta's own `timestamp` (payload order breaks
/// ties), never by arrival time.
///
/// Only a body that is not JSON, or not shaped like a notification at all, throws (→ 400). Inside a
/// well-formed notification nothing throws: an unknown message type decodes as `.unsupported`, and an
/// item too broken to use (no id) is left out and described in `problems` for the log.
public struct MetaWebhookPayload: Sendable, Hashable {
    /// `object`: always `whatsapp_business_account`.
    public let object: String
    /// Every customer message in the payload, oldest first.
    public let messages: [MetaInboundMessage]
    /// Every status update in the payload, oldest first.
    public let statuses: [MetaStatusUpdate]
    /// `changes[].field` values other than `messages` (template updates, account alerts, …), which this
    /// type does not decode; worth a log line.
    public let ignoredFields: [String]
    /// Items that were skipped, with their JSON path and why.
    public let problems: [String]

    public static let expectedObject = "whatsapp_business_account"

    /// 9999-12-31T23:59:59Z in Unix seconds, the last instant with a four-digit year.
    static let latestTimestamp: Double = 253_402_300_799

    /// Decodes the raw body. Check `MetaSignature` on the same bytes first.
    public init(json body: some Collection<UInt8>) throws(WhatsAppDecodingError) {
        let root = try JSONValue.parse(body)
        guard root.object != nil else {
            throw .unexpectedShape("top level is not an object")
        }
        guard let object = root["object"]?.string else {
            throw .unexpectedShape("no \"object\" field")
        }
        guard object == Self.expectedObject else {
            throw .unexpectedShape("object is \"\(object)\", not \"\(Self.expectedObject)\"")
        }
        guard let entries = root["entry"]?.array else {
            throw .unexpectedShape("\"entry\" is not an array")
        }

        var walker = Walker()
        for (entryIndex, entry) in entries.enumerated() {
            guard entry.object != nil else {
                throw .unexpectedShape("entry[\(entryIndex)] is not an object")
            }
            let changes: [JSONValue]
            switch entry["changes"] {
            case nil, .null?: changes = []
            case .array(let array)?: changes = array
            default: throw .unexpectedShape("entry[\(entryIndex)].changes is not an array")
            }
            for (changeIndex, change) in changes.enumerated() {
                let path = "entry[\(entryIndex)].changes[\(changeIndex)]"
                let field = change["field"]?.string ?? "messages"
                guard field == "messages" else {
                    walker.ignoredFields.append(field)
                    continue
                }
                guard let value = change["value"], value.object != nil else {
                    throw .unexpectedShape("\(path).value is not an object")
                }
                walker.walk(value: value, businessAccountID: entry["id"]?.text, path: "\(path).value")
            }
        }

        self.object = object
        self.messages = Self.sortedStably(walker.messages, by: \.timestamp)
        self.statuses = Self.sortedStably(walker.statuses, by: \.timestamp)
        self.ignoredFields = walker.ignoredFields
        self.problems = walker.problems
    }

    /// Oldest first; a missing timestamp sorts last; ties keep payload order.
    private static func sortedStably<Item>(_ items: [Item], by timestamp: (Item) -> Date?) -> [Item] {
        items.enumerated().sorted { lhs, rhs in
            switch (timestamp(lhs.element), timestamp(rhs.element)) {
            case let (left?, right?) where left != right: left < right
            case (_?, nil): true
            case (nil, _?): false
            default: lhs.offset < rhs.offset
            }
        }.map(\.element)
    }

    /// Collects items across every change.
    private struct Walker {
        var messages: [MetaInboundMessage] = []
        var statuses: [MetaStatusUpdate] = []
        var ignoredFields: [String] = []
        var problems: [String] = []

        mutating func walk(value: JSONValue, businessAccountID: String?, path: String) {
            let metadata = value["metadata"]
            let phoneNumberID = metadata?["phone_number_id"]?.text
            let displayNumber = metadata?["display_phone_number"]?.text
            let contacts = value["contacts"]?.array ?? []

            for (index, json) in (value["messages"]?.array ?? []).enumerated() {
                let itemPath = "\(path).messages[\(index)]"
                guard json.object != nil else {
                    problems.append("\(itemPath): not an object")
                    continue
                }
                guard let id = json["id"]?.text else {
                    problems.append("\(itemPath): no id")
                    continue
                }
                let from = json["from"]?.text
                let fromUserID = json["from_user_id"]?.text
                let contact = Self.contact(in: contacts, waId: from, userID: fromUserID)
                let userID = fromUserID ?? contact?["user_id"]?.text
                guard let sender = WhatsAppContactID(preferringPhone: [from, contact?["wa_id"]?.text, userID]) else {
                    problems.append("\(itemPath) (\(id)): no sender")
                    continue
                }
                let type = json["type"]?.text ?? "unknown"
                let context = json["context"]
                messages.append(MetaInboundMessage(
                    id: id,
                    timestamp: Self.date(json["timestamp"]),
                    sender: sender,
                    from: from,
                    userID: userID,
                    profileName: contact?["profile"]?["name"]?.text,
                    username: contact?["profile"]?["username"]?.text,
                    type: type,
                    content: MetaMessageContent(type: type, message: json),
                    replyToMessageID: context?["id"]?.text,
                    isForwarded: context?["forwarded"]?.bool ?? false,
                    isFrequentlyForwarded: context?["frequently_forwarded"]?.bool ?? false,
                    referral: json["referral"].flatMap(Self.referral),
                    errors: (json["errors"]?.array ?? []).map(MetaError.init),
                    businessPhoneNumberID: phoneNumberID,
                    businessDisplayPhoneNumber: displayNumber,
                    businessAccountID: businessAccountID
                ))
            }

            for (index, json) in (value["statuses"]?.array ?? []).enumerated() {
                let itemPath = "\(path).statuses[\(index)]"
                guard json.object != nil else {
                    problems.append("\(itemPath): not an object")
                    continue
                }
                guard let id = json["id"]?.text else {
                    problems.append("\(itemPath): no id")
                    continue
                }
                guard let status = json["status"]?.text else {
                    problems.append("\(itemPath) (\(id)): no status")
                    continue
                }
                let recipientID = json["recipient_id"]?.text
                let recipientUserID = json["recipient_user_id"]?.text
                statuses.append(MetaStatusUpdate(
                    messageID: id,
                    status: MetaMessageStatus(rawValue: status),
                    timestamp: Self.date(json["timestamp"]),
                    recipient: WhatsAppContactID(preferringPhone: [recipientID, recipientUserID]),
                    recipientID: recipientID,
                    recipientUserID: recipientUserID,
                    conversationID: json["conversation"]?["id"]?.text,
                    pricingCategory: json["pricing"]?["category"]?.text,
                    errors: (json["errors"]?.array ?? []).map(MetaError.init),
                    businessPhoneNumberID: phoneNumberID,
                    businessAccountID: businessAccountID
                ))
            }
        }

        /// The `contacts[]` entry for a sender: by `wa_id`, then by `user_id`, then the only one there is.
        private static func contact(in contacts: [JSONValue], waId: String?, userID: String?) -> JSONValue? {
            if let waId, let match = contacts.first(where: { $0["wa_id"]?.text == waId }) {
                return match
            }
            if let userID, let match = contacts.first(where: { $0["user_id"]?.text == userID }) {
                return match
            }
            return contacts.count == 1 ? contacts[0] : nil
        }

        /// Meta's timestamps are Unix seconds written as a string. A value outside 1970...9999 (`1e400` reads
        /// as infinity) is garbled: as a date it would sort nowhere and could not be stored and read back.
        private static func date(_ json: JSONValue?) -> Date? {
            guard let seconds = json?.double, (0...MetaWebhookPayload.latestTimestamp).contains(seconds) else { return nil }
            return Date(timeIntervalSince1970: seconds)
        }

        private static func referral(_ json: JSONValue) -> WhatsAppReferral? {
            let referral = WhatsAppReferral(
                sourceURL: json["source_url"]?.text,
                sourceID: json["source_id"]?.text,
                sourceType: json["source_type"]?.text,
                headline: json["headline"]?.text,
                body: json["body"]?.text,
                mediaType: json["media_type"]?.text,
                mediaURL: json["image_url"]?.text ?? json["video_url"]?.text,
                thumbnailURL: json["thumbnail_url"]?.text,
                ctwaClid: json["ctwa_clid"]?.text
            )
            return referral.isEmpty ? nil : referral
        }
    }
}
