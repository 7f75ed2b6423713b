import Foundation
import IRCClient
@testable import Switchboard
import Testing

@Suite("irc.services_nick")
struct IRCServicesConfigTests {
    static func load(_ extra: String) throws -> SwitchboardConfig? {
        let path = try CheckConfigTests.write("""
            irc:
              host: localhost
              nick: sb
            \(extra)
            http: {bind: 127.0.0.1:8080, public_url: https://x.example}
            routing:
              - {default: true, channel: "#support"}
            agents:
              - {account: founder, role: admin}
            """)
        let loaded = SwitchboardConfig.load(path: path, environment: [:])
        #expect(loaded.problems.filter { $0.severity == .error }.isEmpty, "\(loaded.problems)")
        return loaded.config
    }

    @Test("NickServ is watched by default; another nick or null can be configured")
    func servicesNick() throws {
        #expect(try Self.load("")?.irc?.client.servicesNick == "NickServ")
        #expect(try Self.load("  services_nick: NS")?.irc?.client.servicesNick == "NS")
        #expect(try Self.load("  services_nick: null")?.irc?.client.servicesNick == nil)
    }
}
