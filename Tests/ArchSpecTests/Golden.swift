import Testing
@testable import ArchSpec

#if canImport(Glibc)
import Glibc
#endif

/// Golden files under `Tests/Fixtures/golden/<result>/`: a renderer's whole output compared byte for byte.
///
/// `ARCHCALC_RECORD_GOLDENS=1 swift test --filter Golden` re-records every golden file from the current
/// renderers (then review the diff with `git diff Tests/Fixtures/golden`).
enum Golden {
    static let record = getenv("ARCHCALC_RECORD_GOLDENS").map { String(cString: $0) } == "1"

    static func path(_ name: String) -> String { LintFixtures.root + "/Tests/Fixtures/golden/" + name }

    /// Compares `output` with the golden file `name` (`estimate/text.txt`), or records it.
    static func check(_ output: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let file = path(name)
        if record { try OutputFile.write(output, to: file) }
        let expected = String(decoding: try FileInput.read(file, limit: 1 << 22), as: UTF8.self)
        #expect(output == expected, "\(name) differs; re-record with ARCHCALC_RECORD_GOLDENS=1 swift test --filter Golden",
                sourceLocation: sourceLocation)
    }

    /// The file extension of a format's golden file.
    static func ext(_ format: String) -> String {
        switch format {
        case "text", "github": "txt"
        case "markdown": "md"
        default: format
        }
    }
}
