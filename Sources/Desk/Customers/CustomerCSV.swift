import CSV
import WhatsApp

/// Parses the customers CSV (`import-customers`, `customers.csv`). Pure: the caller reads the file and
/// hands the rows to storage.
///
/// Header: `name,company,plan,emails,phones,owner,language,notes`, plus an optional `external_id`, in any
/// order and any letter case. Several emails or phones in one cell are separated by `;`.
public enum CustomerCSV {
    public static let requiredColumns = ["name", "company", "plan", "emails", "phones", "owner", "language", "notes"]
    public static let optionalColumns = ["external_id"]

    public struct Parsed: Sendable, Hashable {
        public var rows: [CustomerImportRow]
        /// Row- and cell-level problems, each starting with `line N:`; the affected cells or rows are
        /// skipped and everything else imports.
        public var problems: [String]
    }

    /// - Parameter defaultCallingCode: digits such as `"971"` for phones written without `+` or `00`;
    ///   without it such phones are reported as problems rather than guessed.
    public static func parse(_ text: String, defaultCallingCode: String? = nil) throws(CustomerCSVError) -> Parsed {
        let table: CSVTable
        do {
            table = try CSVTable(parsing: text)
        } catch {
            throw CustomerCSVError(.unterminatedQuote(line: error.line))
        }
        guard let header = table.records.first else { throw CustomerCSVError(.empty) }

        var columns: [String: Int] = [:]
        var problems: [String] = []
        for (index, raw) in header.fields.enumerated() {
            let name = raw.trimmingWhitespace().lowercased()
            guard !name.isEmpty else { continue }
            if columns[name] != nil { throw CustomerCSVError(.duplicateColumn(name)) }
            columns[name] = index
            if !requiredColumns.contains(name) && !optionalColumns.contains(name) {
                problems.append("line \(header.line): unknown column \(name) is ignored")
            }
        }
        let missing = requiredColumns.filter { columns[$0] == nil }
        if !missing.isEmpty { throw CustomerCSVError(.missingColumns(missing)) }

        var rows: [CustomerImportRow] = []
        var firstLineOfContact: [ContactKey: Int] = [:]
        var firstLineOfExternalID: [String: Int] = [:]
        for record in table.records.dropFirst() {
            let line = record.line
            if record.fields.allSatisfy({ $0.trimmingWhitespace().isEmpty }) { continue }
            if record.fields.count > header.fields.count {
                problems.append("line \(line): \(record.fields.count) fields but the header has \(header.fields.count); row skipped")
                continue
            }
            func cell(_ column: String) -> String? {
                guard let index = columns[column], index < record.fields.count else { return nil }
                let value = record.fields[index].trimmingWhitespace()
                return value.isEmpty ? nil : value
            }

            var emails: [String] = []
            for raw in split(cell("emails")) {
                guard let email = EmailAddress.normalize(raw) else {
                    problems.append("line \(line): \(raw) is not an email address; skipped")
                    continue
                }
                if !emails.contains(email) { emails.append(email) }
            }
            var phones: [String] = []
            for raw in split(cell("phones")) {
                guard let phone = PhoneNumber(raw, defaultCallingCode: defaultCallingCode, bareDigits: .national)?.e164 else {
                    let hint = raw.hasPrefix("+") || raw.hasPrefix("00") ? "" : " (write it with + and the country code)"
                    problems.append("line \(line): \(raw) is not a phone number in international form\(hint); skipped")
                    continue
                }
                if !phones.contains(phone) { phones.append(phone) }
            }

            let externalID = cell("external_id")
            let company = cell("company")
            guard let name = cell("name") ?? company ?? emails.first ?? phones.first else {
                problems.append("line \(line): no name, company, email or phone; row skipped")
                continue
            }
            if emails.isEmpty && phones.isEmpty && externalID == nil {
                problems.append("line \(line): \(name) has no email, phone or external_id to match on; row skipped")
                continue
            }

            if let externalID {
                if let earlier = firstLineOfExternalID[externalID] {
                    problems.append("line \(line): external_id \(externalID) also appears on line \(earlier); the later row wins")
                } else {
                    firstLineOfExternalID[externalID] = line
                }
            }
            let row = CustomerImportRow(
                line: line, externalID: externalID, name: name, company: company, plan: cell("plan"),
                emails: emails, phones: phones, owner: cell("owner"), language: cell("language"), notes: cell("notes")
            )
            for key in row.contactKeys {
                if let earlier = firstLineOfContact[key] {
                    problems.append("line \(line): \(key.value) also appears on line \(earlier); both rows become one customer")
                } else {
                    firstLineOfContact[key] = line
                }
            }
            rows.append(row)
        }
        return Parsed(rows: rows, problems: problems)
    }

    /// Splits a multi-value cell on `;` (and `,`, which a spreadsheet user may type inside quotes).
    static func split(_ cell: String?) -> [String] {
        guard let cell else { return [] }
        return cell.split(whereSeparator: { $0 == ";" || $0 == "," })
            .map { String($0).trimmingWhitespace() }
            .filter { !$0.isEmpty }
    }
}
