import ArgumentParser
import Foundation
import Mail

/// `switchboard parse-email [FILE]`: the parsed message as one JSON object; touches no database.
struct ParseEmailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse-email", abstract: "Parse one RFC 5322 message and print it as JSON.")

    @Argument(help: "The .eml file; standard input when absent.")
    var file: String?

    func run() async throws {
        let raw = try EmailInput.read(file)
        do {
            print(try EmailParser.parse(raw).contractJSON())
        } catch {
            FileHandle.standardError.write(Data("parse-email: not an email message: \(error)\n".utf8))
            throw ExitCode(65)
        }
    }
}

enum EmailInput {
    /// Reads FILE or standard input as bytes; an unreadable file is exit 66 (EX_NOINPUT).
    static func read(_ file: String?, limit: Int = .max) throws -> [UInt8] {
        let data: Data
        if let file {
            guard let contents = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("cannot read \(file)\n".utf8))
                throw ExitCode(66)
            }
            data = contents
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        return [UInt8](data)
    }
}
