import Testing
@testable import WhatsApp

@Suite struct TwilioSignedURLTests {
    @Test(arguments: [
        ("https://a.example/x", "https://a.example/x", "https://a.example:443/x"),
        ("https://a.example:443/x", "https://a.example/x", "https://a.example:443/x"),
        ("https://a.example:8443/x?y=1", "https://a.example/x?y=1", "https://a.example:8443/x?y=1"),
        ("http://127.0.0.1/x", "http://127.0.0.1/x", "http://127.0.0.1:80/x"),
        ("HTTPS://A.example/x", "https://A.example/x", "https://A.example:443/x"),
        ("https://a.example/x?", "https://a.example/x", "https://a.example:443/x"),
        ("https://a.example/x#rc=3", "https://a.example/x#rc=3", "https://a.example:443/x#rc=3"),
        ("https://a.example?q=1", "https://a.example?q=1", "https://a.example:443?q=1"),
        ("https://a.example/x;p?q", "https://a.example/x;p?q", "https://a.example:443/x;p?q"),
        ("https://u:pw@a.example:8443/x", "https://u/x", "https://u:pw@a.example:8443/x"),
    ])
    func urlFormsMatchPythonsURLParse(_ input: String, _ withoutPort: String, _ withPort: String) throws {
        let candidates = try #require(TwilioSignature.candidateURLs(for: input))
        #expect(candidates == [withoutPort, withPort])
    }

    @Test(arguments: ["https://a.example:80a/x", "https://a.example:99999/x", "https://[::1/x"])
    func urlsPythonRejectsAreRejected(_ input: String) {
        #expect(TwilioSignature.candidateURLs(for: input) == nil)
    }

    @Test func bodyHashParameterIsReadDecoded() {
        #expect(TwilioSignature.bodySHA256Parameter(in: "https://a/x?bodySHA256=ab%63&z=1") == "abc")
        #expect(TwilioSignature.bodySHA256Parameter(in: "https://a/x?bodySHA256=&bodySHA256=d") == "d")
        #expect(TwilioSignature.bodySHA256Parameter(in: "https://a/x?other=1") == nil)
    }
}
