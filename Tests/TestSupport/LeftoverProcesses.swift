import Foundation

/// Processes still alive that carry an environment entry, for a test that checks that everything it
/// started (with that entry in the environment, inherited by their children) has gone.
public enum LeftoverProcesses {
    public struct Entry: Sendable, CustomStringConvertible {
        public var pid: Int32
        public var commandLine: String
        public var description: String { "\(pid) \(commandLine)" }
    }

    /// Every live (not zombie) process whose environment holds `entry` (`NAME=value`) exactly.
    public static func carrying(_ entry: String) -> [Entry] {
        let wanted = Array(entry.utf8)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap { name -> Entry? in
            guard let pid = Int32(name), pid != getpid(),
                  let environment = FileManager.default.contents(atPath: "/proc/\(name)/environ"),
                  environment.split(separator: 0).contains(where: { $0.elementsEqual(wanted) }),
                  !isZombie(name) else { return nil }
            let command = FileManager.default.contents(atPath: "/proc/\(name)/cmdline") ?? Data()
            return Entry(pid: pid, commandLine: String(decoding: command.map { $0 == 0 ? 32 : $0 }, as: UTF8.self))
        }
    }

    /// Waits up to `timeout` for every process carrying `entry` to go; returns the ones that stayed.
    public static func awaitGone(_ entry: String, timeout: Duration = .seconds(15)) async throws -> [Entry] {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline {
            if carrying(entry).isEmpty { return [] }
            try await Task.sleep(for: .milliseconds(100))
        }
        return carrying(entry)
    }

    /// The state letter follows the command name, which is in parentheses and may itself hold spaces.
    private static func isZombie(_ pid: String) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }
}
