import ArchSpec
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Every renderer of every command, on a spec the fuzzer made: each output must parse with a real parser
/// where its format has one, and no output may let a user string start a workflow command or carry raw
/// control characters.
enum FuzzRenderChecks {
    /// Renders `report` in every estimate and compare format and, with `sizing`, sizes `spec` on one device
    /// and renders every size format and the chart.
    static func run(_ spec: ArchitectureSpec, report: EstimateReport, sizing: Bool) {
        for format in EstimateFormat.allCases {
            check(format.render(EstimationRun(reports: [report], diagnostics: [], failed: false), RenderOptions(exact: true)),
                  format: format.rawValue, command: "estimate")
        }
        let comparison = Comparison(reports: [report, report], basis: .requested)
        for format in ComparisonFormat.allCases {
            check(format.render(comparison, RenderOptions(exact: true)), format: format.rawValue, command: "compare")
        }
        guard sizing, let hardware = HardwareCatalog.profile(id: "h100-sxm"),
              let result = try? Sizer.size(spec, on: hardware, request: SizingRequest(context: 512, batch: 2))
        else { return }
        for format in SizingFormat.allCases {
            check(format.render(result), format: format.rawValue, command: "size")
        }
        if let curves = try? MemoryCurves.compute(spec, on: hardware, request: SizingRequest(context: 512, batch: 2), result: result) {
            check(SizingChart.svg(result: result, curves: curves), format: "svg", command: "size --plot")
        }
        let sweep = Sweep(axis: .context, values: [256, 512])
        if let points = try? sweep.run(spec, on: hardware, request: SizingRequest(batch: 2)) {
            for format in SizingFormat.allCases {
                check(format.render(sweep: sweep, results: points), format: format.rawValue, command: "size --sweep")
            }
            check(SweepChart.svg(sweep: sweep, results: points), format: "svg", command: "size --sweep --plot")
        }
    }

    /// The checks every rendered output passes.
    static func check(_ text: String, format: String, command: String) {
        let label = "\(command) --format \(format)"
        // CSV records end in CR LF (RFC 4180); no other output has a CR.
        let allowedCR: UInt32 = format == "csv" ? 0x0D : 0x0A
        // One pass by scalar (as Characters, CR LF is one grapheme and would hide a line start): no line may
        // start a workflow command (after blanks), nothing may carry the legacy `##[` prefix, no raw controls.
        // Line state: 0 only blanks so far, 1 one `:` after them, 2 anything else.
        var state = 0, previous: UInt32 = 0, beforePrevious: UInt32 = 0, line = 1
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let control = (v < 0x20 && v != 0x0A && v != 0x09 && v != allowedCR) || (0x7F...0x9F).contains(v)
            let separatorOrBidi = v == 0x2028 || v == 0x2029 || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            precondition(!control && !separatorOrBidi, "\(label): raw U+\(String(v, radix: 16)) on line \(line)")
            precondition(!(v == 0x5B && previous == 0x23 && beforePrevious == 0x23), "\(label): legacy workflow command prefix on line \(line)")
            switch (state, v) {
            case (_, 0x0A): state = 0; line += 1
            case (0, 0x20), (0, 0x09), (0, 0x0D): break
            case (0, 0x3A): state = 1
            case (1, 0x3A): preconditionFailure("\(label): line \(line) starts a workflow command")
            default: state = 2
            }
            beforePrevious = previous
            previous = v
        }
        switch format {
        case "json":
            precondition((try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil, "\(label): invalid JSON")
        case "csv":
            let widths = CSVShape.fieldCounts(text)
            precondition(widths != nil, "\(label): malformed CSV (unterminated quote)")
            precondition(Set(widths ?? []).count <= 1, "\(label): CSV records of different widths \(widths ?? [])")
        case "markdown":
            checkMarkdownTables(text, label: label)
        case "svg":
            let parser = XMLParser(data: Data(text.utf8))
            precondition(parser.parse(), "\(label): SVG is not well-formed XML: \(String(describing: parser.parserError))")
        default:
            break
        }
    }

    /// Rows of one Markdown table have as many unescaped `|` separators as its header.
    static func checkMarkdownTables(_ text: String, label: String) {
        var expected: Int?
        for scalars in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(String.UnicodeScalarView(scalars))
            guard line.hasPrefix("|") else { expected = nil; continue }
            var count = 0, escaped = false
            for scalar in line.unicodeScalars {
                if escaped { escaped = false; continue }
                if scalar == "\\" { escaped = true } else if scalar == "|" { count += 1 }
            }
            if let expected { precondition(count == expected, "\(label): a table row has \(count) cells, not \(expected)") }
            expected = expected ?? count
        }
    }
}

/// RFC 4180 record shapes: the field count of each record, or `nil` for an unterminated quoted field.
enum CSVShape {
    static func fieldCounts(_ text: String) -> [Int]? {
        var counts: [Int] = [], fields = 1, quoted = false, atFieldStart = true, sawAny = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? scalars.next() {
            pending = nil
            sawAny = true
            if quoted {
                if scalar == "\"" {
                    let next = scalars.next()
                    if next == "\"" { continue }
                    quoted = false
                    pending = next
                }
                continue
            }
            switch scalar {
            case "\"" where atFieldStart: quoted = true; atFieldStart = false
            case ",": fields += 1; atFieldStart = true
            case "\r": continue
            case "\n": counts.append(fields); fields = 1; atFieldStart = true; sawAny = false
            default: atFieldStart = false
            }
        }
        if quoted { return nil }
        if sawAny { counts.append(fields) }
        return counts
    }
}
