import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Specs, profiles and checks for the hostile-output tests: every string a user controls carries workflow
/// commands, line breaks of every kind, terminal escapes, bidi controls, markup and CSV/Markdown syntax.
enum Hostile {
    /// The model name, as a YAML double-quoted scalar: starts with a workflow command; LF, CR, NEL, LS and PS;
    /// ESC, CSI (C1), DEL; RLO and LRI; U+0600 before `<` and U+0301 after `>`; SVG elements; CSV and
    /// Markdown syntax; the legacy `##[` prefix.
    static let nameYAML = #""::error file=README.md,line=1::owned\n::warning::two\r::notice::three\Nnel\Lls\Pps\e[31m\x9b31m\x7f\u202Eevil\u2066\u0600<script>alert(1)</script>>\u0301<style>x</style>&amp;\"q\",|`b`\\ ##[error]legacy ]]> [link](http://x)""#

    /// The same name as the loader decodes it.
    static let name = "::error file=README.md,line=1::owned\n::warning::two\r::notice::three\u{85}nel\u{2028}ls\u{2029}ps"
        + "\u{1b}[31m\u{9b}31m\u{7f}\u{202E}evil\u{2066}\u{600}<script>alert(1)</script>>\u{301}<style>x</style>&amp;\"q\",|`b`\\ "
        + "##[error]legacy ]]> [link](http://x)"

    /// A second name that starts with white space before the command (the runner trims it).
    static let leadingYAML = #"" \u3000::warning::lead\u202Ex""#

    static func spec(name: String) -> String {
        """
        archspec: 1
        name: \(name)
        vocab_size: 32000
        hidden_size: 4096
        layers: 32
        context_length: 4096
        dtype: bf16
        attention:
          heads: 32
          kv_heads: 8
        mlp:
          kind: gated
          intermediate_size: 11008

        """
    }

    /// Scalars that must never reach stdout or stderr raw: C0 (LF, and CR right before LF, allowed), DEL, C1,
    /// LS/PS, bidi embeddings, overrides and isolates, zero-width and other format characters, noncharacters.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0x200B...0x200F,
             0x0600...0x0605, 0x061C, 0xFEFF, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// Checks one output stream: no line the runner would read as a workflow command (lines split on CR and LF,
    /// leading white space trimmed as .NET's `TrimStart` does) unless `commands` allows it, no `##[`, and no
    /// forbidden scalar (a CR only as part of CRLF).
    static func expectSafe(_ text: String, _ label: String, commands: Bool = false,
                           sourceLocation: SourceLocation = #_sourceLocation) {
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() where isForbidden(scalar) {
            if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { continue }
            Issue.record("\(label): raw U+\(String(scalar.value, radix: 16)) at scalar \(index)", sourceLocation: sourceLocation)
            break
        }
        #expect(!text.contains("##["), "\(label): ##[ in output", sourceLocation: sourceLocation)
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            let trimmed = String(line.unicodeScalars.drop { $0.properties.isWhitespace })
            guard trimmed.hasPrefix("::") else { continue }
            let intended = commands && ["::error file=", "::warning file=", "::notice file="].contains { trimmed.hasPrefix($0) }
            #expect(intended, "\(label): a line starts a workflow command: \(trimmed.prefix(80))", sourceLocation: sourceLocation)
        }
    }

    /// RFC 4180 records (CRLF or LF separated, quoted fields may hold anything).
    static func csvRecords(_ text: String) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = ""
        var quoted = false, afterQuote = false
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if quoted {
                if scalar == "\"" {
                    if index < scalars.count, scalars[index] == "\"" { field += "\""; index += 1 } else { quoted = false; afterQuote = true }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty && !afterQuote: quoted = true
            case ",": record.append(field); field = ""; afterQuote = false
            case "\r" where index < scalars.count && scalars[index] == "\n": break
            case "\n": record.append(field); records.append(record); record = []; field = ""; afterQuote = false
            default: field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }

    /// The cells of a Markdown table row: split on `|` not escaped by a backslash.
    static func markdownCells(_ line: Substring) -> Int {
        var count = 0, escaped = false
        for scalar in line.unicodeScalars {
            if escaped { escaped = false; continue }
            if scalar == "\\" { escaped = true } else if scalar == "|" { count += 1 }
        }
        return count - 1
    }

    /// Every table row (a line starting with `|`) has the header's cell count and no raw HTML.
    static func expectMarkdownTables(_ text: String, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!text.contains("<"), "\(label): raw < in Markdown", sourceLocation: sourceLocation)
        var width: Int?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else { width = nil; continue }
            let cells = markdownCells(line)
            if let width { #expect(cells == width, "\(label): row with \(cells) cells, header \(width)", sourceLocation: sourceLocation) }
            width = width ?? cells
        }
    }

    /// A JSON document, parsed.
    static func json(_ text: String, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) -> Any? {
        let value = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        #expect(value != nil, "\(label): output is not JSON", sourceLocation: sourceLocation)
        return value
    }
}

/// The element names and the text of an SVG, read by a real XML parser.
final class SVGElements: NSObject, XMLParserDelegate {
    var names: [String] = []
    var text = ""

    static func parse(_ data: Data) -> SVGElements? {
        let parser = XMLParser(data: data)
        let collector = SVGElements()
        parser.delegate = collector
        return parser.parse() ? collector : nil
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        names.append(name)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}
