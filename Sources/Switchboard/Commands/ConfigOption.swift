import ArgumentParser
import Foundation

extension SwitchboardConfig {
    /// Loads the config for a command, printing problems; a command cannot run on an invalid config.
    static func loadOrExit(_ path: String, failure: ExitCode = ExitCode(1)) throws -> SwitchboardConfig {
        let (config, problems) = load(path: path)
        for problem in problems {
            FileHandle.standardError.write(Data("\(problem)\n".utf8))
        }
        guard let config else {
            FileHandle.standardError.write(Data("switchboard: \(path) is not valid; see above\n".utf8))
            throw failure
        }
        return config
    }
}
