/// A customers file that cannot be imported at all. Problems with single rows or cells are not errors;
/// they come back in ``CustomerCSV/Parsed/problems`` and the rest of the file still imports.
public struct CustomerCSVError: Error, Sendable, Hashable, CustomStringConvertible {
    enum Reason: Hashable {
        case empty
        case missingColumns([String])
        case duplicateColumn(String)
        case unterminatedQuote(line: Int)
    }

    let reason: Reason

    init(_ reason: Reason) { self.reason = reason }

    public var description: String {
        switch reason {
        case .empty:
            "the file is empty; expected a header row with \(CustomerCSV.requiredColumns.joined(separator: ","))"
        case .missingColumns(let columns):
            "the header row lacks \(columns.joined(separator: ", ")); expected \(CustomerCSV.requiredColumns.joined(separator: ","))"
        case .duplicateColumn(let column):
            "the header row names \(column) twice"
        case .unterminatedQuote(let line):
            "line \(line): a quoted field is never closed"
        }
    }
}
