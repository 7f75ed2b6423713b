@testable import IRCClient
import Testing

/// The one filter every logged IRC line passes through, in both directions.
@Suite("LogRedaction")
struct LogRedactionTests {
    @Test("channel keys in a JOIN we send never reach the log; a relayed JOIN keeps its account")
    func joinKeys() {
        #expect(LogRedaction.redacted("JOIN #private s3cret") == "JOIN #private ***")
        #expect(LogRedaction.redacted("JOIN #a,#b k1,k2") == "JOIN #a,#b ***")
        #expect(LogRedaction.redacted("JOIN #open") == "JOIN #open")
        #expect(LogRedaction.redacted(":aisha!a@h JOIN #support aisha :Aisha") == ":aisha!a@h JOIN #support aisha :Aisha")
    }

    @Test("SASL payloads are hidden; the mechanism and the continuation are kept")
    func authenticate() {
        #expect(LogRedaction.redacted("AUTHENTICATE PLAIN") == "AUTHENTICATE PLAIN")
        #expect(LogRedaction.redacted("AUTHENTICATE +") == "AUTHENTICATE +")
        #expect(LogRedaction.redacted("AUTHENTICATE c3dpdGNoYm9hcmQAc3dpdGNoYm9hcmQAcHc=") == "AUTHENTICATE ***")
        #expect(LogRedaction.redacted("AUTHENTICATE PLAINPAYLOADLOOKINGLIKEAWORD") == "AUTHENTICATE ***")
    }

    @Test("PASS and OPER passwords are hidden; ordinary lines pass unchanged")
    func passwords() {
        #expect(LogRedaction.redacted("PASS hunter2") == "PASS ***")
        #expect(LogRedaction.redacted("OPER admin hunter2") == "OPER admin ***")
        #expect(LogRedaction.redacted("PRIVMSG #support :hello") == "PRIVMSG #support :hello")
    }
}
