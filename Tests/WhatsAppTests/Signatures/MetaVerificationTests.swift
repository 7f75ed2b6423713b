import Testing
@testable import WhatsApp

@Suite struct MetaVerificationTests {
    @Test func matchingTokenEchoesTheChallenge() {
        let items = [("hub.mode", "subscribe"), ("hub.verify_token", "s3cret"), ("hub.challenge", "1158201444")]
        #expect(MetaVerification.challenge(queryItems: items, verifyToken: "s3cret") == "1158201444")
        #expect(MetaVerification.challenge(
            query: "hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=s3cret",
            verifyToken: "s3cret"
        ) == "1158201444")
    }

    @Test(arguments: [
        "hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1",
        "hub.mode=unsubscribe&hub.verify_token=s3cret&hub.challenge=1",
        "hub.verify_token=s3cret&hub.challenge=1",
        "hub.mode=subscribe&hub.challenge=1",
        "hub.mode=subscribe&hub.verify_token=s3cret",
        "hub.mode=subscribe&hub.verify_token=s3cret&hub.challenge=",
        "hub.mode=subscribe&hub.verify_token=s3cret%&hub.challenge=1",
        "hub.mode=subscribe&hub.verify_token=S3CRET&hub.challenge=1",
    ])
    func anythingElseIsRefused(_ query: String) {
        #expect(MetaVerification.challenge(query: query, verifyToken: "s3cret") == nil)
    }

    @Test func emptyConfiguredTokenNeverMatches() {
        #expect(MetaVerification.challenge(
            query: "hub.mode=subscribe&hub.verify_token=&hub.challenge=1",
            verifyToken: ""
        ) == nil)
    }
}
