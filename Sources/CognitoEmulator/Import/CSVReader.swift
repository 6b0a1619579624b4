/// RFC 4180 CSV: fields separated by commas, records by CRLF or LF, fields optionally quoted with `"`
/// (a quote inside a quoted field doubled). Pure and bounded: it reads what it is given and nothing else.
package enum CSVReader {
    /// Why a file cannot be read.
    package struct Malformed: Error, Equatable {
        /// The 1-based line where reading stopped.
        package var line: Int
        /// What is wrong there.
        package var reason: String
    }

    /// The records of `text`, each a list of fields; a blank last line is not a record.
    package static func records(_ text: String) throws(Malformed) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var fieldStarted = false
        var line = 1
        var quoteLine = 1
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = scalars.next()
        func finishRecord() {
            record.append(field)
            if !(record.count == 1 && record[0].isEmpty && !fieldStarted) { records.append(record) }
            record = []
            field = ""
            fieldStarted = false
        }
        while let scalar = pending {
            pending = scalars.next()
            if quoted {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = scalars.next()
                    } else {
                        quoted = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                guard field.isEmpty else { throw Malformed(line: line, reason: "a quote inside an unquoted field") }
                quoted = true
                quoteLine = line
                fieldStarted = true
            case ",":
                record.append(field)
                field = ""
                fieldStarted = true
            case "\r" where pending == "\n":
                continue
            case "\n", "\r":
                finishRecord()
                line += 1
            default:
                field.unicodeScalars.append(scalar)
                fieldStarted = true
            }
        }
        guard !quoted else { throw Malformed(line: quoteLine, reason: "a quoted field is not closed") }
        if fieldStarted || !record.isEmpty || !field.isEmpty { finishRecord() }
        return records
    }
}
