import AsyncHTTPClient
import Desk
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import WhatsApp

/// Twilio's Messages API: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`, form-encoded, HTTP
/// Basic auth, `From`/`To` as `whatsapp:+E164`, `Body`, and a `StatusCallback` for delivery updates.
struct TwilioSender: OutboundSender {
    let client: HTTPClient
    let accountSID: String
    let authToken: String
    /// The default sender, `whatsapp.twilio.from`'s first number.
    let from: String
    let baseURL: String
    let statusCallback: String?
    var timeout: TimeAmount = .seconds(20)
    /// Every configured number: a reply leaves from the one the customer wrote to, if it is one of these.
    var numbers = BusinessNumbers()

    func send(_ item: OutboxItem) async -> OutboxResult {
        guard let payload = try? JSONDecoder().decode(OutboundPayload.self, from: item.payload) else {
            return .failed(error: "the outbox payload is unreadable")
        }
        let sender = numbers.owns(twilio: payload.from) ? numbers.twilioSender(answering: payload.from) ?? from : from
        var form = [("From", sender), ("To", "whatsapp:" + payload.to)]
        if let template = payload.template {
            // Twilio sends approved templates by Content SID with numbered variables, never as Body.
            guard let contentSID = template.twilioContentSID else {
                return .failed(error: "template \(template.name) has no twilio_content_sid in config")
            }
            form += [("ContentSid", contentSID), ("ContentVariables", template.twilioContentVariables)]
        } else {
            form.append(("Body", payload.text))
        }
        if let statusCallback { form.append(("StatusCallback", statusCallback)) }
        var request = HTTPClientRequest(url: "\(baseURL)/2010-04-01/Accounts/\(accountSID)/Messages.json")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Authorization", value: "Basic " + Data("\(accountSID):\(authToken)".utf8).base64EncodedString())
        request.body = .bytes(ByteBuffer(string: FormEncoding.encode(form)))
        return await ProviderCall.perform(request, client: client, timeout: timeout) { status, body in
            let json = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
            if (200..<300).contains(status), let sid = json?["sid"] as? String { return .sent(providerID: sid) }
            let code = (json?["code"] as? Int).map(String.init)
            let explanation = code.flatMap { WhatsAppErrorExplanation.lookup($0)?.plainWords } ?? (json?["message"] as? String) ?? "HTTP \(status)"
            return .failed(error: explanation, code: code)
        }
    }
}

/// Meta's Cloud API: `POST /{version}/{phone_number_id}/messages` with a bearer token and a JSON body.
struct MetaSender: OutboundSender {
    let client: HTTPClient
    let accessToken: String
    /// The default sender, `whatsapp.meta.phone_number_id`'s first id.
    let phoneNumberID: String
    let baseURL: String
    var timeout: TimeAmount = .seconds(20)
    /// Every configured number: a reply leaves from the one the customer wrote to, if it is one of these.
    var numbers = BusinessNumbers()

    func send(_ item: OutboxItem) async -> OutboxResult {
        guard let payload = try? JSONDecoder().decode(OutboundPayload.self, from: item.payload) else {
            return .failed(error: "the outbox payload is unreadable")
        }
        var body: [String: Any] = [
            "messaging_product": "whatsapp", "recipient_type": "individual",
            "to": payload.to.hasPrefix("+") ? String(payload.to.dropFirst()) : payload.to,
        ]
        if let template = payload.template {
            var content: [String: Any] = ["name": template.metaName, "language": ["code": template.metaLanguage]]
            if !template.values.isEmpty {
                content["components"] = [["type": "body", "parameters": template.values.map { ["type": "text", "text": $0] }]]
            }
            body["type"] = "template"
            body["template"] = content
        } else {
            // preview_url off: a link in an agent's reply must not make WhatsApp fetch it on the customer's behalf.
            body["type"] = "text"
            body["text"] = ["preview_url": false, "body": String(payload.text.prefix(4096))]
        }
        let sender = numbers.owns(meta: payload.from) ? numbers.metaSender(answering: payload.from) ?? phoneNumberID : phoneNumberID
        var request = HTTPClientRequest(url: "\(baseURL)/\(sender)/messages")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Authorization", value: "Bearer \(accessToken)")
        request.body = .bytes(ByteBuffer(bytes: (try? JSONSerialization.data(withJSONObject: body)) ?? Data()))
        return await ProviderCall.perform(request, client: client, timeout: timeout) { status, data in
            let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
            if (200..<300).contains(status), let messages = json?["messages"] as? [[String: Any]], let id = messages.first?["id"] as? String {
                return .sent(providerID: id)
            }
            let error = json?["error"] as? [String: Any]
            let code = (error?["code"] as? Int).map(String.init)
            let explanation = code.flatMap { WhatsAppErrorExplanation.lookup($0)?.plainWords } ?? (error?["message"] as? String) ?? "HTTP \(status)"
            return .failed(error: explanation, code: code)
        }
    }
}

/// One HTTP call to a provider, classified for the outbox.
enum ProviderCall {
    static func perform(_ request: HTTPClientRequest, client: HTTPClient, timeout: TimeAmount,
                        interpret: (Int, Data) -> OutboxResult) async -> OutboxResult {
        do {
            let response = try await client.execute(request, timeout: timeout)
            let body = try await response.body.collect(upTo: 1 << 20)
            let status = Int(response.status.code)
            if status == 429 || status >= 500 {
                let retryAfter = response.headers.first(name: "Retry-After").flatMap(Int.init).map { Duration.seconds($0) }
                return .retryable(error: "the provider answered HTTP \(status)", retryAfter: retryAfter)
            }
            return interpret(status, Data(body.readableBytesView))
        } catch {
            // A refused or timed-out connection never carried the request; anything later may have.
            if isConnectFailure(error) { return .retryable(error: "could not connect: \(error)") }
            return .unknown(error: "no answer from the provider: \(error)")
        }
    }

    static func isConnectFailure(_ error: any Error) -> Bool {
        if let clientError = error as? HTTPClientError, clientError == .connectTimeout { return true }
        if error is NIOConnectionError { return true }
        let text = String(describing: error)
        return text.contains("connectTimeout") || text.contains("Connection refused") || text.contains("connectionRefused")
    }
}

enum FormEncoding {
    /// RFC 3986 unreserved characters only: `CharacterSet.alphanumerics` would let Arabic or Thai letters
    /// through unencoded, and Twilio (like any form decoder) expects percent-encoded UTF-8.
    static let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func encode(_ pairs: [(String, String)]) -> String {
        pairs.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
    }

    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
