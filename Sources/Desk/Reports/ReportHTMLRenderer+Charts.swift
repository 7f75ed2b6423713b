import Foundation

/// The inline SVG charts. Each is drawn in a 400-unit-wide `viewBox` and scaled to its box, so a 12-unit
/// label stays about 11 px on a 390 px phone and grows with the screen; every bar carries a `<title>`
/// with its exact figure (a tooltip on desktop, read out by screen readers), so nothing needs a script.
extension ReportHTMLRenderer {
    static let chartWidth = 400.0

    /// Tickets opened per day, stacked by category.
    static func stackedDailyBars(_ report: DeskReport) -> String {
        let volume = report.volume
        let days = volume.days
        guard !days.isEmpty else { return "" }
        let left = 30.0, right = 4.0, top = 10.0, bottom = 22.0, height = 190.0
        let plotWidth = chartWidth - left - right, plotHeight = height - top - bottom
        let (step, scaleMax) = scale(for: Double(days.map { volume.count(day: $0) }.max() ?? 0))
        let band = plotWidth / Double(days.count)
        let barWidth = max(1, band * 0.72)
        var svg = svgOpen(height: height, label: "Tickets opened per day, stacked by category")
        svg += yAxis(step: step, max: scaleMax, left: left, top: top, plotWidth: plotWidth, plotHeight: plotHeight)
        let labelEvery = Int((Double(days.count) / 7).rounded(.up))
        for (index, day) in days.enumerated() {
            let dayText = ReportFormat.day(day, timeZone: report.timeZone)
            let x = left + Double(index) * band + (band - barWidth) / 2
            var y = top + plotHeight
            for category in volume.categories {
                let whatsapp = volume.count(day: day, category: category, channel: .whatsapp)
                let email = volume.count(day: day, category: category, channel: .email)
                guard whatsapp + email > 0 else { continue }
                let barHeight = Double(whatsapp + email) / scaleMax * plotHeight
                y -= barHeight
                svg += "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(barWidth))\" height=\"\(n(barHeight))\" fill=\"\(categoryColor(category))\">"
                    + "<title>\(HTMLText.escape("\(dayText) · \(categoryName(category)): \(whatsapp + email) (\(whatsapp) WhatsApp, \(email) email)"))</title></rect>\n"
            }
            if index % labelEvery == 0 {
                // A label that would run off the right edge is right-aligned to it instead.
                let center = left + (Double(index) + 0.5) * band
                let (x, anchor) = center + 18 > chartWidth ? (chartWidth, "end") : (center, "middle")
                svg += "<text x=\"\(n(x))\" y=\"\(n(height - 6))\" font-size=\"12\" text-anchor=\"\(anchor)\">"
                    + "\(HTMLText.escape(String(dayText.suffix(5))))</text>\n"
            }
        }
        return svg + "</svg></figure>\n"
    }

    /// p50 and p90 as two horizontal bars, with an optional dashed target line (the SLA).
    static func percentileBars(_ summary: DurationSummary, label: String, marker: TimeInterval?) -> String {
        guard let p50 = summary.p50, let p90 = summary.p90 else {
            return "<p class=\"muted\">Nothing to measure in this period.</p>\n"
        }
        let left = 40.0, right = 8.0, top = marker == nil ? 6.0 : 22.0, rowHeight = 28.0
        let height = top + rowHeight * 2 + 4
        let plotWidth = chartWidth - left - right
        // Leave room after the longest bar for its figure.
        let scaleMax = max(p90 * 1.35, (marker ?? 0) * 1.1, 1)
        var svg = svgOpen(height: height, label: "\(label): p50 \(ReportFormat.duration(p50)), p90 \(ReportFormat.duration(p90))")
        for (row, (name, value)) in [("p50", p50), ("p90", p90)].enumerated() {
            let y = top + Double(row) * rowHeight + 4
            let width = max(1, value / scaleMax * plotWidth)
            svg += "<text x=\"0\" y=\"\(n(y + 14))\" font-size=\"13\">\(name)</text>\n"
            svg += "<rect x=\"\(n(left))\" y=\"\(n(y))\" width=\"\(n(width))\" height=\"20\" rx=\"2\" fill=\"\(row == 0 ? "#4e79a7" : "#2b5a8a")\">"
                + "<title>\(HTMLText.escape("\(label) \(name): \(ReportFormat.duration(value)) (\(summary.count) tickets)"))</title></rect>\n"
            svg += "<text x=\"\(n(left + width + 4))\" y=\"\(n(y + 14))\" font-size=\"13\">\(HTMLText.escape(ReportFormat.duration(value)))</text>\n"
        }
        if let marker {
            let x = left + marker / scaleMax * plotWidth
            svg += "<line x1=\"\(n(x))\" y1=\"14\" x2=\"\(n(x))\" y2=\"\(n(height))\" stroke=\"#e15759\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>\n"
            svg += "<text x=\"\(n(x))\" y=\"11\" font-size=\"12\" text-anchor=\"middle\">SLA \(HTMLText.escape(ReportFormat.duration(marker)))</text>\n"
        }
        return svg + "</svg></figure>\n"
    }

    /// Open tickets per owner: held (claimed or assigned) and routed-but-unclaimed, stacked.
    static func backlogBars(_ entries: [BacklogEntry]) -> String {
        let shown = Array(entries.prefix(15))
        let left = 112.0, right = 34.0, rowHeight = 24.0
        let height = rowHeight * Double(shown.count) + 4
        let plotWidth = chartWidth - left - right
        let scaleMax = Double(max(1, shown.map(\.count).max() ?? 1))
        var svg = svgOpen(height: height, label: "Open tickets by owner")
        for (row, entry) in shown.enumerated() {
            let y = Double(row) * rowHeight + 3
            let owner = ReportFormat.owner(entry.owner)
            let held = Double(entry.held) / scaleMax * plotWidth
            let waiting = Double(entry.count - entry.held) / scaleMax * plotWidth
            svg += "<text x=\"0\" y=\"\(n(y + 13))\" font-size=\"13\"><title>\(HTMLText.escape(owner))</title>\(HTMLText.label(owner, limit: 14))</text>\n"
            let tip = "<title>\(HTMLText.escape("\(owner): \(entry.count) open, \(entry.held) held"))</title>"
            if held > 0 {
                svg += "<rect x=\"\(n(left))\" y=\"\(n(y))\" width=\"\(n(held))\" height=\"18\" fill=\"#2b5a8a\">\(tip)</rect>\n"
            }
            if waiting > 0 {
                svg += "<rect x=\"\(n(left + held))\" y=\"\(n(y))\" width=\"\(n(waiting))\" height=\"18\" fill=\"#a0cbe8\">\(tip)</rect>\n"
            }
            svg += "<text x=\"\(n(left + held + waiting + 4))\" y=\"\(n(y + 13))\" font-size=\"13\">\(entry.count)</text>\n"
        }
        var html = svg + "</svg></figure>\n"
        if entries.count > shown.count { html += "<p class=\"muted\">\(entries.count - shown.count) more owners in the table.</p>\n" }
        return html
    }

    static func svgOpen(height: Double, label: String) -> String {
        "<figure><svg viewBox=\"0 0 \(n(chartWidth)) \(n(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(label))\" "
            + "xmlns=\"http://www.w3.org/2000/svg\"><title>\(HTMLText.escape(label))</title>\n"
    }

    /// Horizontal grid lines with their values, from 0 to `max` in `step`s.
    static func yAxis(step: Double, max: Double, left: Double, top: Double, plotWidth: Double, plotHeight: Double) -> String {
        var svg = ""
        var value = 0.0
        while value <= max + step / 2 {
            let y = top + plotHeight - value / max * plotHeight
            svg += "<line x1=\"\(n(left))\" y1=\"\(n(y))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(y))\" stroke=\"currentColor\" stroke-opacity=\"0.18\"/>\n"
            svg += "<text x=\"\(n(left - 4))\" y=\"\(n(y + 4))\" font-size=\"12\" text-anchor=\"end\">\(Int(value))</text>\n"
            value += step
        }
        return svg
    }

    /// A whole-number tick step of 1, 2 or 5 × 10ⁿ giving about four intervals, and the axis top.
    static func scale(for maximum: Double) -> (step: Double, max: Double) {
        let rough = Swift.max(1, maximum / 4)
        let magnitude = pow(10, (log10(rough)).rounded(.down))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        let top = Swift.max(step, (maximum / step).rounded(.up) * step)
        return (step.rounded(.up), top)
    }

    /// SVG numbers: at most one decimal, no trailing `.0`.
    static func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }
}
