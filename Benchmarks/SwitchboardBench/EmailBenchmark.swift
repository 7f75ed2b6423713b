import Foundation
import Mail

/// MIME parse throughput (MB/s) for a 1 MB and a 10 MB message, against splitting the same bytes into
/// lines — the least work any email parser does — measured in the same run.
enum EmailBenchmark {
    /// A multipart/alternative message with a quoted-printable Arabic/English plain part and a base64 HTML
    /// part, grown to about `bytes`.
    static func message(bytes: Int) -> [UInt8] {
        let line = "Hello team, the invoice total is wrong =E2=80=94 =D8=A7=D9=84=D9=81=D8=A7=D8=AA=D9=88=D8=B1=D8=A9 =\r\nis short by 299 AED.\r\n"
        var plain = ""
        while plain.utf8.count < bytes / 2 { plain += line }
        let html = Data(String(repeating: "<p>Invoice <b>BZ-19031</b> &amp; order 30.000</p>\n", count: max(1, bytes / 2 / 60)).utf8)
            .base64EncodedString(options: .lineLength76Characters)
        let text = """
            From: Priya Nair <priya@kettle.example>\r
            To: support@bazaarly.example\r
            Subject: =?UTF-8?B?2YHYp9iq2YjYsdip?= invoice\r
            Message-ID: <bench@kettle.example>\r
            MIME-Version: 1.0\r
            Content-Type: multipart/alternative; boundary="b1"\r
            \r
            --b1\r
            Content-Type: text/plain; charset=utf-8\r
            Content-Transfer-Encoding: quoted-printable\r
            \r
            \(plain)\r
            --b1\r
            Content-Type: text/html; charset=utf-8\r
            Content-Transfer-Encoding: base64\r
            \r
            \(html)\r
            --b1--\r

            """
        return Array(text.utf8)
    }

    static func run() -> [BenchmarkRow] {
        [1, 10].map { megabytes in
            let raw = message(bytes: megabytes << 20)
            let size = Double(raw.count) / 1_048_576
            let parse = measureThroughput(seconds: 2, operationsPerCall: 1) { blackHole(try? EmailParser.parse(raw)) } * size
            let split = measureThroughput(seconds: 2, operationsPerCall: 1) { blackHole(raw.split(separator: 10).count) } * size
            return BenchmarkRow(name: "email parse, \(megabytes) MB message", unit: "MB/s", value: parse,
                                baselineName: "split into lines", baseline: split, higherIsBetter: true)
        }
    }
}
