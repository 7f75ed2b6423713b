import Foundation
import TestSupport

/// Debian's `chromium` in headless mode: loads a page, takes a screenshot, and reports every console
/// message the page produced (script errors, Content-Security-Policy violations, failed loads).
///
/// Chromium writes console messages to stderr as `…:INFO:CONSOLE…] "message", source: URL (line)`
/// when started with `--enable-logging=stderr`; a report page runs no script and logs nothing, so
/// any such line is a failure.
enum HeadlessChromium {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    struct Load {
        var status: Int32
        var consoleMessages: [String]
        var screenshot: Data
        var stderr: String

        /// Width and height from the PNG's IHDR chunk; nil when the bytes are not a PNG.
        var screenshotSize: (width: Int, height: Int)? {
            let bytes = [UInt8](screenshot)
            guard bytes.count > 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
                  bytes[12..<16].elementsEqual("IHDR".utf8) else { return nil }
            func int(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
            return (int(16), int(20))
        }
    }

    static func executable() throws -> URL {
        try UnitRun.requireServers("Chromium")
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        throw Failure(description: "chromium is not installed: run `make test-deps` (Debian's chromium package) to render the HTML report")
    }

    /// Loads `page` in a phone-sized window (an iPhone 12–15 viewport by default).
    static func load(_ page: URL, width: Int = 390, height: Int = 844) async throws -> Load {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-chromium-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let screenshot = folder.appendingPathComponent("page.png")
        let process = Process()
        process.executableURL = try executable()
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
            "--force-device-scale-factor=1", "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
            "--enable-logging=stderr", "--v=0", "--window-size=\(width),\(height)",
            "--screenshot=\(screenshot.path)", page.absoluteString,
        ]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.runUnmasked()
        let stderrData = await PipeReader.readToEnd(err)
        process.waitUntilExit()
        let stderr = String(decoding: stderrData, as: UTF8.self)
        let console = stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        return Load(status: process.terminationStatus, consoleMessages: console,
                    screenshot: (try? Data(contentsOf: screenshot)) ?? Data(), stderr: stderr)
    }
}
