import CSV

/// The training and mapping files' CSV reading: the shared RFC 4180 reader, with its error reported
/// like every other problem with a data file.
enum DatasetCSV {
    /// The file's records. An unterminated quote is an error naming the file and the line, rather than
    /// the rest of the file read silently as one field.
    static func records(_ bytes: [UInt8], path: String) throws(DatasetError) -> [CSVTable.Record] {
        do {
            return try CSVTable(parsing: bytes).records
        } catch {
            throw DatasetError(path: path, reason: error.description)
        }
    }

    /// The fields of each record, for files whose line numbers are never reported.
    static func rows(_ bytes: [UInt8], path: String) throws(DatasetError) -> [[String]] {
        try records(bytes, path: path).map(\.fields)
    }
}
