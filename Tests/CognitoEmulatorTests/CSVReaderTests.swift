import Testing

@testable import CognitoEmulator

@Suite("user import files are read as RFC 4180 CSV")
struct CSVReaderTests {
    @Test(
        "records, quotes, line endings and a missing last newline",
        arguments: [
            ("a,b\n1,2\n", [["a", "b"], ["1", "2"]]),
            ("a,b\r\n1,2", [["a", "b"], ["1", "2"]]),
            ("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n", [["a", "b"], ["x, y", "say \"hi\""]]),
            ("a\n\"two\nlines\"\n", [["a"], ["two\nlines"]]),
            ("a,b\n,\n", [["a", "b"], ["", ""]]),
            ("", []),
        ] as [(String, [[String]])]
    )
    func records(text: String, expected: [[String]]) throws {
        #expect(try CSVReader.records(text) == expected)
    }

    @Test("an unclosed quote or a quote inside a bare field is refused with its line")
    func malformed() {
        #expect(throws: CSVReader.Malformed(line: 2, reason: "a quoted field is not closed")) { try CSVReader.records("a\n\"open\n") }
        #expect(throws: CSVReader.Malformed(line: 1, reason: "a quote inside an unquoted field")) { try CSVReader.records("a\"b\n") }
    }
}
