import Foundation
import Testing
import TestSupport

/// The HTML report in a real browser (headless Chromium, phone-sized): it must load without a single
/// console message and render to a screenshot.
@Suite("HTML report in Chromium", .needsServers)
struct ReportHTMLChromiumTests {
    @Test("the report page loads cleanly at 390×844 and renders")
    func reportRendersOnAPhone() async throws {
        let (page, result) = try await ReportHistory.make().writeHTML()
        #expect(result.status == 0, "\(result.stderr)")
        let load = try await HeadlessChromium.load(page)
        #expect(load.status == 0, "\(load.stderr)")
        #expect(load.consoleMessages.isEmpty, "console: \(load.consoleMessages)")
        #expect(load.screenshot.count > 1000)
        let size = try #require(load.screenshotSize, "not a PNG: \(load.stderr)")
        #expect(size.width == 390 && size.height == 844)
    }

    @Test("the check catches a script error and a blocked external resource")
    func theCheckCanFail() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-chromium-bad-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let broken = folder.appendingPathComponent("broken.html")
        try """
            <!doctype html><html><head><meta charset="utf-8"><title>broken</title></head>
            <body><p>report</p><script>drawCharts();</script></body></html>
            """.write(to: broken, atomically: true, encoding: .utf8)
        let load = try await HeadlessChromium.load(broken)
        #expect(load.consoleMessages.count == 1)
        #expect(load.consoleMessages.first?.contains("Uncaught ReferenceError: drawCharts is not defined") == true, "\(load.consoleMessages)")
        #expect(load.screenshotSize != nil)

        // The report's own policy: anything fetched from elsewhere is refused, and says so.
        let external = folder.appendingPathComponent("external.html")
        try """
            <!doctype html><html><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <title>external</title></head><body><img src="https://example.com/track.png" alt=""></body></html>
            """.write(to: external, atomically: true, encoding: .utf8)
        let blocked = try await HeadlessChromium.load(external)
        #expect(blocked.consoleMessages.contains { $0.contains("Content Security Policy") }, "\(blocked.consoleMessages)")
    }
}
