import Foundation
import TestSupport

/// Runs the built `switchboard` executable, which sits next to the test bundle in the build folder.
enum SwitchboardBinary {
    static var url: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("switchboard")
            if FileManager.default.isExecutableFile(atPath: candidate.path), !candidate.hasDirectoryPath { return candidate }
            directory.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/switchboard")
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Points `process` at the binary with `arguments`. With `umask`, it starts through
    /// `sh -c 'umask …; exec …'`, with that mask, as a login shell, cron or an MTA's pipe would start it.
    static func prepare(_ process: Process, _ arguments: [String], umask: String? = nil) {
        if let umask {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "umask \(umask); exec \"$0\" \"$@\"", url.path] + arguments
        } else {
            process.executableURL = url
            process.arguments = arguments
        }
    }

    static func run(_ arguments: [String], environment: [String: String] = [:], stdin: Data? = nil, umask: String? = nil) async throws -> Result {
        let process = Process()
        prepare(process, arguments, umask: umask)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.runUnmasked()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        async let outData = PipeReader.readToEnd(out)
        async let errData = PipeReader.readToEnd(err)
        let (o, e) = await (outData, errData)
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}
