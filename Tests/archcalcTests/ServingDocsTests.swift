import Foundation
import Testing

/// docs/serving.md pastes `archcalc recommend` outputs: every fenced block that starts with `$ archcalc recommend`
/// must be what the binary prints for that command, byte for byte. ARCHCALC_RECORD_GOLDENS=1 rewrites the blocks
/// from the binary (never by hand).
@Suite struct ServingDocsTests {
    static let path = CLI.path("docs/serving.md")

    @Test func pastedOutputsMatchTheBinary() throws {
        let text = try String(contentsOfFile: Self.path, encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        var index = 0, checked = 0
        while index < lines.count {
            guard lines[index] == "```", index + 1 < lines.count, lines[index + 1].hasPrefix("$ archcalc recommend ") else {
                index += 1
                continue
            }
            let command = String(lines[index + 1].dropFirst("$ archcalc ".count))
            guard let close = lines[(index + 2)...].firstIndex(of: "```") else { break }
            let pasted = lines[(index + 2)..<close].joined(separator: "\n") + "\n"
            let result = try CLI.run(command.split(separator: " ").map(String.init))
            if ProcessInfo.processInfo.environment["ARCHCALC_RECORD_GOLDENS"] == "1" {
                var output = result.stdout.components(separatedBy: "\n")
                if output.last == "" { output.removeLast() }
                lines.replaceSubrange((index + 2)..<close, with: output)
                index += 2 + output.count + 1
            } else {
                #expect(pasted == result.stdout, "docs/serving.md is stale for: \(command)")
                index = close + 1
            }
            checked += 1
        }
        if ProcessInfo.processInfo.environment["ARCHCALC_RECORD_GOLDENS"] == "1" {
            try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: Self.path))
        }
        #expect(checked >= 3)
    }
}
