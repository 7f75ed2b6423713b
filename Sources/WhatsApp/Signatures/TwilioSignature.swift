internal import Crypto
import Foundation

/// `X-Twilio-Signature`: checks that a webhook came from Twilio, exactly as Twilio's Python library does.
///
/// The signed string is the URL Twilio called followed by every POST parameter, sorted by name, each
/// written as name then value with no separators. The details below follow
/// `twilio.request_validator.RequestValidator` (twilio 9.13) rather than the prose documentation,
/// because that library is what Twilio tells integrators to use and what the integration tests sign with:
/// - names are sorted by Unicode code point (Python's `sorted`), compared scalar by scalar, so `é` and
///   `e` + U+0301 are different names, as they are on the wire;
/// - a repeated name contributes each *distinct* value once, values sorted by code point;
/// - the URL is checked both without its port and with the scheme's default port added;
/// - the comparison is exact and constant-time.
public enum TwilioSignature {
    public static let headerName = "X-Twilio-Signature"
    /// Present when a Webhooks rule signs with a shared key instead of the auth token.
    public static let settingsHeaderName = "X-Twilio-Webhooks-Signature-Settings"

    /// The HMAC Twilio used. The auth token always signs with SHA-1; a shared key may use SHA-256.
    public enum Algorithm: String, Sendable, Hashable, CaseIterable {
        case hmacSHA1 = "HMAC_SHA1"
        case hmacSHA256 = "HMAC_SHA256"

        /// Reads `X-Twilio-Webhooks-Signature-Settings` (`key=…,algorithm=HMAC_SHA256`).
        /// An absent header, or one without `algorithm=`, means the legacy auth-token HMAC-SHA1; an
        /// algorithm this code does not know gives nil, and the request must then be refused.
        public init?(settingsHeader: String?) {
            for part in (settingsHeader ?? "").split(separator: ",", omittingEmptySubsequences: false) {
                guard let equals = part.firstIndex(of: "=") else {
                    continue
                }
                let name = part[..<equals].trimmingCharacters(in: .whitespacesAndNewlines)
                let value = part[part.index(after: equals)...].trimmingCharacters(in: .whitespacesAndNewlines)
                if name == "algorithm", !value.isEmpty {
                    self.init(rawValue: value.uppercased())
                    return
                }
            }
            self = .hmacSHA1
        }
    }

    /// The signature Twilio would send for a form-encoded request to `url` (used as given, port and all).
    public static func expected(
        url: String,
        parameters: [(String, String)],
        authToken: String,
        algorithm: Algorithm = .hmacSHA1
    ) -> String {
        var signed = Array(url.utf8)
        for (name, values) in groupedForSigning(parameters) {
            for value in values {
                signed += name
                signed += value
            }
        }
        let key = SymmetricKey(data: Array(authToken.utf8))
        switch algorithm {
        case .hmacSHA1:
            return Data(HMAC<Insecure.SHA1>.authenticationCode(for: signed, using: key)).base64EncodedString()
        case .hmacSHA256:
            return Data(HMAC<SHA256>.authenticationCode(for: signed, using: key)).base64EncodedString()
        }
    }

    /// Checks a form-encoded webhook. `url` is the public URL Twilio called, with its query string:
    /// `http.public_url` + the request's path and query. Every received parameter must be passed.
    /// An empty auth token never validates, so a missing secret cannot turn into "anyone may post".
    public static func isValid(
        signature: String?,
        url: String,
        parameters: [(String, String)],
        authToken: String,
        algorithm: Algorithm = .hmacSHA1
    ) -> Bool {
        guard let signature, !authToken.isEmpty, let candidates = candidateURLs(for: url) else {
            return false
        }
        var matched = false
        for candidate in candidates {
            let computed = expected(url: candidate, parameters: parameters, authToken: authToken, algorithm: algorithm)
            matched = ConstantTime.equals(computed, signature) || matched
        }
        return matched
    }

    /// Checks a JSON-bodied webhook: Twilio puts the body's SHA-256 (hex) in the `bodySHA256` query
    /// parameter and signs the URL alone. Both the hash and the signature must match; a URL without
    /// `bodySHA256` is refused.
    public static func isValid(
        signature: String?,
        url: String,
        body: some Collection<UInt8>,
        authToken: String,
        algorithm: Algorithm = .hmacSHA1
    ) -> Bool {
        guard let expectedHash = bodySHA256Parameter(in: url) else {
            return false
        }
        let hashMatches = ConstantTime.equals(bodySHA256(body), expectedHash)
        let signatureMatches = isValid(
            signature: signature,
            url: url,
            parameters: [],
            authToken: authToken,
            algorithm: algorithm
        )
        return hashMatches && signatureMatches
    }

    /// Lowercase hex SHA-256 of a raw body, as Twilio writes it into `bodySHA256`.
    public static func bodySHA256(_ body: some Collection<UInt8>) -> String {
        SHA256.hash(data: Array(body)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The URL forms the Python validator compares against: without a port, then with the default port.
    /// Nil when Python's `urlparse` would raise (a non-numeric port, an unbalanced IPv6 bracket).
    static func candidateURLs(for url: String) -> [String]? {
        guard let parsed = TwilioSignedURL(url), let without = parsed.withoutPort, let with = parsed.withPort else {
            return nil
        }
        return [without, with]
    }

    /// The first `bodySHA256` value in the URL's query, decoded like Python's `parse_qs` (which drops
    /// blank values).
    static func bodySHA256Parameter(in url: String) -> String? {
        guard let parsed = TwilioSignedURL(url) else {
            return nil
        }
        var query = String.UnicodeScalarView()
        query.append(contentsOf: parsed.query)
        guard let pairs = try? FormURLEncoded.decode(Array(String(query).utf8)) else {
            return nil
        }
        return pairs.first { $0.name == "bodySHA256" && !$0.value.isEmpty }?.value
    }

    /// Names in code-point order, each with its distinct values in code-point order, as UTF-8 bytes.
    /// UTF-8 byte order is code-point order, and byte equality is Python's string equality.
    private static func groupedForSigning(_ parameters: [(String, String)]) -> [([UInt8], [[UInt8]])] {
        var valuesByName: [[UInt8]: Set<[UInt8]>] = [:]
        for (name, value) in parameters {
            valuesByName[Array(name.utf8), default: []].insert(Array(value.utf8))
        }
        return valuesByName
            .sorted { $0.key.lexicographicallyPrecedes($1.key) }
            .map { name, values in (name, values.sorted { $0.lexicographicallyPrecedes($1) }) }
    }
}
