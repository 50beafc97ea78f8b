/// An aligned plain-text table: the one table type of every text renderer.
///
/// Columns are as wide as their widest cell (or `minimumWidth`), separated by `separator`; a line's trailing
/// spaces are dropped, so a left-aligned last column is never padded. Widths count `Character`s (a cell should
/// already have gone through the terminal sink).
public struct TextTable: Hashable, Sendable {
    public enum Alignment: Hashable, Sendable { case left, right }

    /// One column's alignment and smallest width.
    public struct Column: Hashable, Sendable {
        public var alignment: Alignment
        public var minimumWidth: Int

        public init(_ alignment: Alignment = .left, minimumWidth: Int = 0) {
            self.alignment = alignment
            self.minimumWidth = minimumWidth
        }

        public static let left = Column(.left)
        public static let right = Column(.right)
    }

    public var columns: [Column]
    /// The heading row, or `nil`.
    public var header: [String]?
    /// How the heading row is aligned; `nil` aligns it as the columns.
    public var headerAlignment: Alignment?
    public var rows: [[String]]
    public var separator: String
    /// Text before every line (`"  "` indents the table).
    public var indent: String

    public init(columns: [Column], header: [String]? = nil, headerAlignment: Alignment? = nil, rows: [[String]] = [],
                separator: String = "  ", indent: String = "") {
        self.columns = columns
        self.header = header
        self.headerAlignment = headerAlignment
        self.rows = rows
        self.separator = separator
        self.indent = indent
    }

    /// The table's lines, without line breaks.
    public var lines: [String] {
        let all = (header.map { [$0] } ?? []) + rows
        let widths = columns.indices.map { column in
            max(columns[column].minimumWidth, all.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0)
        }
        return all.enumerated().map { index, cells in
            let isHeader = header != nil && index == 0
            let line = columns.indices.map { column -> String in
                let cell = column < cells.count ? cells[column] : ""
                let alignment = isHeader ? (headerAlignment ?? columns[column].alignment) : columns[column].alignment
                return Self.pad(cell, widths[column], alignment)
            }.joined(separator: separator)
            return Self.trimmingTrailingSpaces(indent + line)
        }
    }

    /// The lines joined, each ending in a line feed.
    public var rendered: String { lines.map { $0 + "\n" }.joined() }

    /// `text` padded with spaces to `width` characters on the side `alignment` leaves free.
    public static func pad(_ text: String, _ width: Int, _ alignment: Alignment = .left) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return alignment == .left ? text + fill : fill + text
    }

    static func trimmingTrailingSpaces(_ line: String) -> String {
        var end = line.endIndex
        while end > line.startIndex, line[line.index(before: end)] == " " { end = line.index(before: end) }
        return String(line[..<end])
    }
}
