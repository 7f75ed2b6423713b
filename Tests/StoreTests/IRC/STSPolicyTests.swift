import Foundation
import Store
import Testing

/// `sts_policies`: one policy per host name, whatever its case; saving replaces, removing forgets.
@Suite("STS policies in the database")
struct STSPolicyTests {
    @Test("save, replace, read back under any case, remove")
    func roundTrip() async throws {
        let database = try AppDatabase.inMemory()
        #expect(try await database.stsPolicy(host: "irc.example.org") == nil)
        let first = Date(timeIntervalSince1970: 1_900_000_000)
        try await database.saveSTSPolicy(host: "IRC.Example.org", port: 6697, expiresAt: first)
        let stored = try #require(try await database.stsPolicy(host: "irc.example.ORG"))
        #expect(stored.port == 6697 && stored.expiresAt == first)

        try await database.saveSTSPolicy(host: "irc.example.org", port: 7000, expiresAt: first.addingTimeInterval(60))
        #expect(try await database.stsPolicy(host: "irc.example.org")?.port == 7000, "a newer policy replaces the old one")
        try await database.removeSTSPolicy(host: "Irc.Example.Org")
        #expect(try await database.stsPolicy(host: "irc.example.org") == nil)
    }
}
