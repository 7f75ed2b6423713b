import Foundation
import Testing
@testable import WhatsApp

/// Vectors signed by Twilio's own Python library (`Fixtures/make_twilio_vectors.py`).
struct TwilioVector: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let kind: String
    let url: String
    let signedURL: String
    let token: String
    let algorithm: String
    let params: [[String]]?
    let formBody: String?
    let jsonBody: String?
    let bodySHA256: String?
    let signature: String

    enum CodingKeys: String, CodingKey {
        case name, kind, url, token, algorithm, params, signature
        case signedURL = "signed_url"
        case formBody = "form_body"
        case jsonBody = "json_body"
        case bodySHA256 = "body_sha256"
    }

    var testDescription: String { name }

    var pairs: [(String, String)] {
        (params ?? []).map { ($0[0], $0[1]) }
    }

    var twilioAlgorithm: TwilioSignature.Algorithm {
        TwilioSignature.Algorithm(rawValue: algorithm)!
    }

    static func all() throws -> [TwilioVector] {
        struct File: Decodable {
            let generator: String
            let vectors: [TwilioVector]
        }
        return try JSONDecoder().decode(File.self, from: Fixture.data("twilio_vectors.json")).vectors
    }

    static var forms: [TwilioVector] { ((try? all()) ?? []).filter { $0.kind == "form" } }
    static var jsons: [TwilioVector] { ((try? all()) ?? []).filter { $0.kind == "json" } }
}
