import IRC
import Testing

@Suite struct ISupportTests {
    static let lines = [
        ":irc.example 005 bot CASEMAPPING=rfc1459-strict CHANTYPES=#& PREFIX=(qaohv)~&@%+ STATUSMSG=~&@%+ :are supported by this server",
        ":irc.example 005 bot TARGMAX=PRIVMSG:4,NOTICE:4,JOIN:,whois:1 NICKLEN=30 CHANNELLEN=64 BOT=B WHOX UTF8ONLY :are supported by this server",
        ":irc.example 005 bot NETWORK=Switch\\x20Board\\x5Cnet MONITOR=100 EXTBAN=,ABC :are supported by this server",
    ]

    static func applied(_ lines: [String]) throws -> ISupport {
        var support = ISupport()
        for line in lines {
            support.apply(try IRCMessage(parsing: line))
        }
        return support
    }

    @Test func defaultsWhenNothingWasAnnounced() {
        let support = ISupport()
        #expect(support.caseMapping == .rfc1459)
        #expect(support.channelTypes == ["#"])
        #expect(support.prefixModes == [.init(mode: "o", prefix: "@"), .init(mode: "v", prefix: "+")])
        #expect(support.targetMax.isEmpty)
        #expect(support.nickLength == nil)
        #expect(support.channelLength == nil)
        #expect(support.botMode == nil)
        #expect(!support.supportsWHOX)
        #expect(!support.utf8Only)
        #expect(!support.supportsMonitor)
    }

    @Test func accumulatesTokensOverLines() throws {
        let support = try Self.applied(Self.lines)
        #expect(support.caseMapping == .rfc1459Strict)
        #expect(support.channelTypes == ["#", "&"])
        #expect(support.prefixModes.map(\.mode) == ["q", "a", "o", "h", "v"])
        #expect(support.prefixModes.map(\.prefix) == ["~", "&", "@", "%", "+"])
        #expect(support.statusMessagePrefixes == ["~", "&", "@", "%", "+"])
        let unlimited: Int? = nil
        let expected: [String: Int?] = ["PRIVMSG": 4, "NOTICE": 4, "JOIN": unlimited, "WHOIS": 1]
        #expect(support.targetMax == expected)
        #expect(support.nickLength == 30)
        #expect(support.channelLength == 64)
        #expect(support.botMode == "B")
        #expect(support.supportsWHOX)
        #expect(support.utf8Only)
        #expect(support.supportsMonitor)
        #expect(support.monitorLimit == 100)
        #expect(support.networkName == "Switch Board\\net")
        #expect(support.tokens["EXTBAN"] == ",ABC")
        #expect(support.tokens["WHOX"] == "")
        #expect(support.tokens["are supported by this server"] == nil)
        #expect(support.tokens["bot"] == nil)
    }

    @Test func minusTokenRemoves() throws {
        var support = try Self.applied(Self.lines)
        support.apply(try IRCMessage(parsing: ":irc.example 005 bot -WHOX -BOT -CASEMAPPING :are supported by this server"))
        #expect(!support.supportsWHOX)
        #expect(support.botMode == nil)
        #expect(support.caseMapping == .rfc1459)
        #expect(support.nickLength == 30)
    }

    @Test func emptyValuesMeanNone() throws {
        let support = try Self.applied([":s 005 bot CHANTYPES= PREFIX= CHANNELLEN= :are supported"])
        #expect(support.channelTypes.isEmpty)
        #expect(support.prefixModes.isEmpty)
        #expect(support.channelLength == nil)
    }

    @Test func unknownCaseMappingFallsBackToRFC1459() throws {
        let support = try Self.applied([":s 005 bot CASEMAPPING=rfc7613 :are supported"])
        #expect(support.caseMapping == .rfc1459)
        #expect(support.tokens["CASEMAPPING"] == "rfc7613")
    }

    @Test func ignoresOtherCommands() throws {
        var support = ISupport()
        support.apply(try IRCMessage(parsing: ":s 004 bot WHOX NICKLEN=9 :x y"))
        #expect(support.tokens.isEmpty)
    }

    @Test func derivedHelpers() throws {
        let support = try Self.applied(Self.lines)
        #expect(support.isChannel("&local"))
        #expect(support.isChannel("#a"))
        #expect(!support.isChannel("alice"))
        #expect(support.channelName("#Chan~") == support.channelName("#chan~"))
        #expect(support.channelName("#chan~") != support.channelName("#chan^"))
        #expect(support.channelName("#" + String(repeating: "a", count: 64)) == nil)
        #expect(support.nickname("Bob[") == support.nickname("bob{"))
        #expect(support.fold("ABC~") == "abc~")
    }
}
