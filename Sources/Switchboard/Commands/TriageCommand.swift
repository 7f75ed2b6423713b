import ArgumentParser
import Foundation
import Triage

/// `switchboard triage [--model PATH]`: JSON lines in, one JSON line out per input, in order.
struct TriageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triage",
        abstract: "Classify JSON lines {\"text\", \"channel\"} from stdin.",
        discussion: """
            Each input line is {"text": ..., "channel": "whatsapp"|"email"} (channel and a boolean \
            "is_auto_reply" are optional). Each output line is {"category", "confidence", "urgency", \
            "lang", "scores"}. A line that is not a JSON object with a text gets {"error": ...} so that \
            output lines stay aligned with input lines.
            """
    )

    @Option(name: .long, help: "Model file (default: $SWITCHBOARD_MODEL, else the bundled model).")
    var model: String?

    func run() async throws {
        let triage: TriageModel
        do {
            triage = try TriageModel.load(path: model)
        } catch {
            FileHandle.standardError.write(Data("switchboard triage: \(error)\n".utf8))
            throw ExitCode(66)
        }
        var output = Data()
        var failures = 0
        while let line = readLine(strippingNewline: true) {
            if line.allSatisfy(\.isWhitespace) { continue }
            output.append(Self.process(line, model: triage, failures: &failures))
            output.append(0x0A)
            if output.count >= 1 << 16 {
                FileHandle.standardOutput.write(output)
                output.removeAll(keepingCapacity: true)
            }
        }
        FileHandle.standardOutput.write(output)
        if failures > 0 {
            FileHandle.standardError.write(Data("switchboard triage: \(failures) input line(s) were not valid JSON objects with a text\n".utf8))
            throw ExitCode(65)
        }
    }

    static func process(_ line: String, model: TriageModel, failures: inout Int) -> Data {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let text = object["text"] as? String else {
            failures += 1
            return Data(#"{"error":"expected a JSON object with a string \"text\""}"#.utf8)
        }
        let channel = (object["channel"] as? String).flatMap { TriageChannel(rawValue: $0.lowercased()) }
        let isAutoReply = (object["is_auto_reply"] as? Bool) ?? false
        let result = model.classify(text: text, channel: channel, isAutoReply: isAutoReply)
        return Data(json(result).utf8)
    }

    /// Hand-written so that keys keep the contract's order and numbers stay short.
    static func json(_ result: TriageResult) -> String {
        func number(_ value: Double) -> String {
            let rounded = (value * 10_000).rounded() / 10_000
            return rounded == rounded.rounded() ? String(format: "%.1f", rounded) : String(rounded)
        }
        let scores = TriageCategory.allCases
            .map { "\"\($0.rawValue)\":\(number(result.scores[$0]))" }
            .joined(separator: ",")
        return "{\"category\":\"\(result.category.rawValue)\",\"confidence\":\(number(result.confidence)),"
            + "\"urgency\":\"\(result.urgency.rawValue)\",\"lang\":\"\(result.lang)\",\"scores\":{\(scores)}}"
    }
}
