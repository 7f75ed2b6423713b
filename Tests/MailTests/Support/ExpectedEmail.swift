/// One expected-result JSON file of the corpus.
struct ExpectedEmail: Decodable {
    struct Attachment: Decodable, Equatable {
        var filename: String?
        var content_type: String
        var size: Int?
    }

    var from_address: String?
    var from_name: String?
    var reply_to: String?
    var subject: String?
    var message_id: String?
    var in_reply_to: String?
    var references: [String]
    var is_auto_reply: Bool
    var auto_reply_reason: String?
    var text: String
    var new_text: String
    var attachments: [Attachment]
    var lang: String?
}
