import IRC
import Testing

/// Every vector of ircdocs/parser-tests.
@Suite struct ParserConformanceTests {
    static let splitCases: [ParserTestVectors.SplitCase] = (try? ParserTestVectors.load("msg-split")) ?? []
    static let joinCases: [ParserTestVectors.JoinCase] = (try? ParserTestVectors.load("msg-join")) ?? []
    static let userhostCases: [ParserTestVectors.UserhostCase] = (try? ParserTestVectors.load("userhost-split")) ?? []
    static let maskCases: [ParserTestVectors.MaskCase] = (try? ParserTestVectors.load("mask-match")) ?? []
    static let hostnameCases: [ParserTestVectors.HostnameCase] = (try? ParserTestVectors.load("validate-hostname")) ?? []

    /// Guards the `try?` above: a fixture that fails to load must fail a test, not silently run zero cases.
    /// The counts are those of the upstream files (checked with PyYAML).
    @Test func fixturesLoad() throws {
        #expect(try ParserTestVectors.load("msg-split", as: ParserTestVectors.SplitCase.self).count == 35)
        #expect(try ParserTestVectors.load("msg-join", as: ParserTestVectors.JoinCase.self).count == 18)
        #expect(try ParserTestVectors.load("userhost-split", as: ParserTestVectors.UserhostCase.self).count == 7)
        #expect(try ParserTestVectors.load("mask-match", as: ParserTestVectors.MaskCase.self).count == 6)
        #expect(try ParserTestVectors.load("validate-hostname", as: ParserTestVectors.HostnameCase.self).count == 19)
    }

    /// The vectors use lower-case verbs such as `foo`; this parser upper-cases verbs by contract.
    @Test(arguments: splitCases)
    func msgSplit(_ vector: ParserTestVectors.SplitCase) throws {
        let message = try IRCMessage(parsing: vector.input)
        #expect(message.tags == (vector.atoms.tags ?? [:]))
        #expect(message.source == vector.atoms.source)
        #expect(message.command == vector.atoms.verb.uppercased())
        #expect(message.parameters == (vector.atoms.params ?? []))
    }

    @Test(arguments: joinCases)
    func msgJoin(_ vector: ParserTestVectors.JoinCase) throws {
        let message = IRCMessage(tags: vector.atoms.tags ?? [:], source: vector.atoms.source,
                                 command: vector.atoms.verb, parameters: vector.atoms.params ?? [])
        let line = try message.serialized()
        #expect(vector.matches.contains(line), "got \(line.debugDescription)")
        for match in vector.matches {
            var parsed = try IRCMessage(parsing: match)
            parsed.command = vector.atoms.verb
            #expect(parsed == message)
        }
    }

    @Test(arguments: userhostCases)
    func userhostSplit(_ vector: ParserTestVectors.UserhostCase) {
        let source = IRCSource(vector.source)
        #expect(source.nick == (vector.atoms.nick ?? ""))
        #expect((source.user ?? "") == (vector.atoms.user ?? ""))
        #expect((source.host ?? "") == (vector.atoms.host ?? ""))
        #expect(source.description == vector.source)
    }

    @Test(arguments: maskCases)
    func maskMatch(_ vector: ParserTestVectors.MaskCase) {
        let mask = IRCMask(vector.mask)
        for candidate in vector.matches {
            #expect(mask.matches(candidate), "\(candidate) should match \(vector.mask)")
        }
        for candidate in vector.fails {
            #expect(!mask.matches(candidate), "\(candidate) should not match \(vector.mask)")
        }
    }

    @Test(arguments: hostnameCases)
    func validateHostname(_ vector: ParserTestVectors.HostnameCase) {
        #expect(IRCHostname.isValid(vector.host) == vector.valid)
    }
}
