import IRC
import Testing

@Suite struct CapabilitySetTests {
    @Test func parsesNamesAndValues() {
        #expect(CapabilitySet.parse("sasl=PLAIN,EXTERNAL multi-prefix") == ["sasl": "PLAIN,EXTERNAL", "multi-prefix": ""])
        #expect(CapabilitySet.parse("  a   b=  draft/c=x=y ") == ["a": "", "b": "", "draft/c": "x=y"])
        #expect(CapabilitySet.parse("").isEmpty)
    }

    @Test func tracksLSNewAndDel() {
        var caps = CapabilitySet()
        caps.add("sasl=PLAIN,EXTERNAL multi-prefix server-time")
        caps.add("account-tag sasl=PLAIN")
        #expect(caps.names == ["sasl", "multi-prefix", "server-time", "account-tag"])
        #expect(caps["sasl"] == "PLAIN")
        #expect(caps.saslMechanisms == ["PLAIN"])
        caps.remove("sasl server-time")
        #expect(!caps.contains("sasl"))
        #expect(caps.saslMechanisms == nil)
        #expect(caps.contains("account-tag"))
    }

    @Test func saslWithoutValueListsNoMechanisms() {
        #expect(CapabilitySet(CapabilitySet.parse("sasl")).saslMechanisms == [])
    }
}
