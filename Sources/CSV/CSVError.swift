/// A CSV file that cannot be read at all.
public struct CSVError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Kind: Sendable, Hashable {
        case unterminatedQuote
    }

    private let kind: Kind
    /// 1-based line where the record with the problem starts.
    public let line: Int

    /// A quote opened on `line` is never closed, so the rest of the file would be one field.
    public static func unterminatedQuote(line: Int) -> CSVError {
        CSVError(kind: .unterminatedQuote, line: line)
    }

    public var description: String {
        switch kind {
        case .unterminatedQuote: "line \(line): a quoted field is never closed"
        }
    }
}
