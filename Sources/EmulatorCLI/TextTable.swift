/// Rows of text whose columns line up (two spaces between columns; the last column is not padded).
struct TextTable {
    var rows: [[String]]

    /// A table with a header row.
    init(header: [String], rows: [[String]]) {
        self.rows = [header] + rows
    }

    /// The table's lines, each indented by `indent`.
    func lines(indent: String = "") -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            let cells = row.enumerated().map { index, cell in index == row.count - 1 ? cell : cell.padding(toLength: widths[index]) }
            return indent + cells.joined(separator: "  ")
        }
    }

    /// The table as one string.
    var text: String { lines().joined(separator: "\n") }
}

extension String {
    /// The string padded with spaces on the right to `length` characters.
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
