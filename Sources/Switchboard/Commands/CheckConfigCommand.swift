import ArgumentParser
import Foundation

/// `switchboard check-config --config PATH`: exit 0 when valid, else 1 with every problem on stderr.
struct CheckConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config", abstract: "Validate a config file and list every problem with its key path.")

    @Option(name: .long, help: "Path to the YAML config file.")
    var config: String

    func run() async throws {
        let (loaded, problems) = SwitchboardConfig.load(path: config)
        for problem in problems {
            FileHandle.standardError.write(Data("\(problem)\n".utf8))
        }
        guard loaded != nil else { throw ExitCode(1) }
        print("\(config): OK\(problems.isEmpty ? "" : " (\(problems.count) warning\(problems.count == 1 ? "" : "s"))")")
    }
}
