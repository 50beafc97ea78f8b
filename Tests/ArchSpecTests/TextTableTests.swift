import Testing
@testable import ArchSpec

/// The one text table, by hand.
@Suite struct TextTableTests {
    @Test func alignsPadsAndTrims() {
        let table = TextTable(columns: [.left, .right, .left], header: ["name", "n", "note"], headerAlignment: .left,
                              rows: [["a", "1", ""], ["bbb", "22", "x"]])
        #expect(table.rendered == "name  n   note\na      1\nbbb   22  x\n")
    }

    @Test func minimumWidthsIndentAndSeparator() {
        let table = TextTable(columns: [.init(.left, minimumWidth: 4), .init(.right, minimumWidth: 3)],
                              rows: [["a", "1"], ["b"]], separator: "|", indent: "> ")
        #expect(table.lines == ["> a   |  1", "> b   |"])
        #expect(TextTable.pad("ab", 4, .right) == "  ab" && TextTable.pad("abcde", 2) == "abcde")
    }

    @Test func formatChoicesComeFromTheCases() {
        #expect(EstimateFormat.choices == "text, json, markdown or csv")
        #expect(CalibrationFormat.choices == "yaml or json")
        #expect(HardwareFormat.choices == "text, markdown, json or yaml")
    }
}
