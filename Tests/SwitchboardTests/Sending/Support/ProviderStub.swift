import Foundation
import Hummingbird
import NIOCore
import Synchronization
import WhatsApp

/// A local stand-in for Twilio's and Meta's REST APIs, which cannot be reached from here: a real HTTP
/// server on a loopback port that records every request exactly as it arrived and answers as scripted.
///
/// The tests check the recorded requests against the providers' documented shapes, so the stub itself
/// has no opinion on what is valid.
final class ProviderStub: Sendable {
    struct Recorded: Sendable {
        var method: String
        var path: String
        var headers: [String: String]
        var body: Data

        var text: String { String(decoding: body, as: UTF8.self) }
        /// HTTP field names are case-insensitive.
        func header(_ name: String) -> String? { headers[name.lowercased()] }
        /// The form fields of an `application/x-www-form-urlencoded` body, decoded by the same decoder the
        /// webhooks use, in order; empty when the body is not a valid form.
        var form: [(String, String)] {
            ((try? FormURLEncoded.decode(body)) ?? []).map { ($0.name, $0.value) }
        }
        func field(_ name: String) -> String? { form.first { $0.0 == name }?.1 }
        var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] }
    }

    enum Answer: Sendable {
        case json(status: Int, body: String)
        /// Never answers: the request reached the provider, the result never comes back.
        case hang
    }

    private let recorded = Mutex<[Recorded]>([])
    private let answer: @Sendable (Recorded, Int) -> Answer
    private let portBox = Mutex<Int?>(nil)
    private let task = Mutex<Task<Void, any Error>?>(nil)

    var requests: [Recorded] { recorded.withLock { $0 } }
    var baseURL: String { "http://127.0.0.1:\(portBox.withLock { $0 } ?? 0)" }

    private init(answer: @escaping @Sendable (Recorded, Int) -> Answer) {
        self.answer = answer
    }

    /// Starts the stub; `answer` decides the reply to the n-th request (0-based).
    static func start(answer: @escaping @Sendable (Recorded, Int) -> Answer) async throws -> ProviderStub {
        let stub = ProviderStub(answer: answer)
        let router = Router()
        router.post("**") { request, _ in try await stub.handle(request) }
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in stub.portBox.withLock { $0 = channel.localAddress?.port } })
        let task = Task { try await app.runService() }
        stub.task.withLock { $0 = task }
        // Generous: the whole suite runs in parallel on two cores.
        let deadline = ContinuousClock.now.advanced(by: .seconds(60))
        while stub.portBox.withLock({ $0 }) == nil, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        guard stub.portBox.withLock({ $0 }) != nil else {
            stub.stop()
            throw StubFailure(description: "the provider stub did not start listening within 60 s")
        }
        return stub
    }

    func stop() {
        task.withLock { $0?.cancel() }
    }

    private func handle(_ request: Request) async throws -> Response {
        let body = try await request.body.collect(upTo: 1 << 20)
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName.lowercased()] = field.value }
        let entry = Recorded(method: request.method.rawValue, path: request.uri.path, headers: headers, body: Data(body.readableBytesView))
        let index = recorded.withLock { list in
            list.append(entry)
            return list.count - 1
        }
        switch answer(entry, index) {
        case .json(let status, let text):
            return Response(status: .init(code: status), headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
        case .hang:
            // Never answers on purpose (until the stub stops and cancels it).
            try await Task.sleep(for: .seconds(3600))
            return Response(status: .gatewayTimeout)
        }
    }

    // MARK: Documented answers

    /// Twilio's 201 for a created message (abridged to the fields Switchboard reads).
    static func twilioCreated(sid: String) -> Answer {
        .json(status: 201, body: #"{"sid": "\#(sid)", "status": "queued", "error_code": null, "api_version": "2010-04-01"}"#)
    }

    /// Twilio's error body, for example 63016 (outside the 24-hour window) with HTTP 400.
    static func twilioError(code: Int, status: Int = 400, message: String = "Failed to send freeform message") -> Answer {
        .json(status: status, body: #"{"code": \#(code), "message": "\#(message)", "more_info": "https://www.twilio.com/docs/errors/\#(code)", "status": \#(status)}"#)
    }

    /// Meta Cloud API's 200 for an accepted message.
    static func metaAccepted(wamid: String, to: String) -> Answer {
        .json(status: 200, body: #"{"messaging_product": "whatsapp", "contacts": [{"input": "\#(to)", "wa_id": "\#(to)"}], "messages": [{"id": "\#(wamid)"}]}"#)
    }
}

struct StubFailure: Error, CustomStringConvertible {
    var description: String
}
