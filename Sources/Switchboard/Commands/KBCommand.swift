import ArgumentParser
import Desk
import Foundation
import Store

/// `switchboard kb --config PATH QUERY...`: searches the knowledge base the way the drafter does and
/// prints one JSON line per hit, best first: `{"path", "title", "lang", "score"}` (**contract**).
///
/// It refreshes the index first when articles were added, edited or deleted, whether or not `serve`
/// runs: both share the WAL database, and a refresh writes only what changed, in one short transaction.
struct KBCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb", abstract: "Search the knowledge base; one JSON line per article, best first.",
        discussion: """
            The query's language is detected as triage does; articles in that language and in English are \
            searched, and the customer's language wins when an article exists in both. Files that are not \
            valid articles are reported on stderr and skipped. Exit status: 0 (also when nothing matches), \
            1 when kb.path is not configured or the folder or database cannot be used.
            """)

    @Option(name: .long, help: "Path to the YAML config file.")
    var config: String

    @Option(name: .long, help: "Most hits to print.")
    var limit = 10

    @Argument(help: "The question, in any language.")
    var query: [String]

    func run() async throws {
        let settings = try SwitchboardConfig.loadOrExit(config)
        guard settings.kbPath != nil else {
            throw failure("\(config) has no knowledge base: add `kb: {path: kb/}` (a folder of Markdown articles)")
        }
        let question = query.joined(separator: " ")
        let search: KnowledgeBase.Search
        do {
            let database = try AppDatabase.open(path: settings.storagePath)
            guard let knowledge = try KnowledgeBase.make(settings: settings, database: database) else { throw ExitCode(1) }
            search = try await knowledge.search(question, limit: max(limit, 1))
        } catch let error as StoreError {
            throw failure("\(error) (kb.path in \(config))")
        } catch {
            throw failure("\(error)")
        }
        for problem in search.refresh.problems {
            FileHandle.standardError.write(Data("kb: skipped \(problem)\n".utf8))
        }
        var output = Data()
        for hit in search.hits {
            output.append(contentsOf: Array(try hit.jsonLine().utf8))
            output.append(0x0A)
        }
        FileHandle.standardOutput.write(output)
        if search.hits.isEmpty {
            FileHandle.standardError.write(Data("kb: no article matches (searched \(search.languages.joined(separator: ", ")))\n".utf8))
        }
    }

    private func failure(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("kb: \(message)\n".utf8))
        return ExitCode(1)
    }
}
