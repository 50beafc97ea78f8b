import Testing
@testable import ArchSpec

/// The YAML writer that replaced Yams' `YAMLEncoder`: Yams' number forms, and hostile strings that read back
/// unchanged through archcalc's own composer and decoder.
struct YAMLEmitterTests {
    struct Sample: Codable, Equatable {
        var name: String
        var values: [Double]
        var count: Int
        var flag: Bool
        var note: String?
        var sizes: [String: Int]
    }

    static func roundTrip<T: Codable>(_ value: T, emitter: YAMLEmitter = YAMLEmitter()) throws -> (String, T) {
        let text = try emitter.text(YAMLNodeEncoder().encode(value))
        let root = try #require(try YAMLComposer.compose(text).root)
        return (text, try YAMLNodeDecoder().decode(T.self, from: root))
    }

    /// The forms in the hardware goldens, which Yams 6.2.2 wrote: `%.17g` below 1e-4, scientific with at most
    /// 15 significant digits otherwise.
    @Test(arguments: [
        (8e-2, "8e-2"), (3.35e12, "3.35e+12"), (1.2e-5, "1.2e-05"), (8.54698491904e10, "8.54698491904e+10"),
        (8, "8e+0"), (4096, "4.096e+3"), (0.86, "8.6e-1"), (1e20, "1e+20"), (-2.5, "-2.5e+0"),
        (Double.infinity, ".inf"), (-Double.infinity, "-.inf"), (Double.nan, ".nan"), (0.1 + 0.2, "3e-1"),
        (0.999999999999999_9, "1e+0"),
    ])
    func doublesAreWrittenAsYamsWroteThem(value: Double, text: String) {
        #expect(YAMLScalarText.double(value) == text)
    }

    @Test func roundingIsHalfToEvenOnTheShortestDigits() {
        // 16 digits ending in 5 after the 15th: the 15th digit (even) stays, or (odd) goes up.
        #expect(ScientificDigits(1.234567890123425).rounded(to: 15).text == "1.23456789012342e+0")
        #expect(ScientificDigits(1.234567890123435).rounded(to: 15).text == "1.23456789012344e+0")
    }

    @Test(arguments: [
        "true", "no", "ON", "~", "null", "", "<<", "=", "12", "-0x1F", "0o17", "0b101", "1_000", "1:30", "017",
        "1.5", ".5", "1e5", "-.inf", ".NaN", "190:20:30.15", "2026-11-29", "2026-1-2T10:00:00Z", "2026-11-29 10:00:00.5 +01:00",
    ])
    func stringsThatReadAsOtherTypesAreQuoted(text: String) throws {
        #expect(!YAMLScalarText.readsAsString(text))
        let (written, back) = try Self.roundTrip(["value": text])
        #expect(written.contains("'"), "\(written)")
        #expect(back == ["value": text])
    }

    @Test(arguments: ["NVLink 4", "1.2.3", "0x", "v1", "1 GB", "yess", "2026-11", "1:60", ".inf.", "0:30"])
    func ordinaryStringsArePlain(text: String) throws {
        #expect(YAMLScalarText.readsAsString(text))
        let (written, back) = try Self.roundTrip(["value": text])
        #expect(written == "value: \(text)\n")
        #expect(back == ["value": text])
    }

    /// Strings a hostile profile could hold: indicators, comments, line breaks, quotes, control and non-ASCII
    /// characters, leading and trailing blanks, a long line. Each reads back exactly, at both widths.
    @Test(arguments: [
        "a: b", "# comment", "- item", "? key", "*alias", "&anchor", "!tag", "%directive", "@x", "`x", "{a: 1}", "[1]",
        "line\nbreak", "trailing\n", "\r\n", "it's", "say \"hi\"", "tab\there", "\u{0}nul\u{7}", "\u{1b}[31mred",
        "héllo ✓", "\u{2028}", " lead", "trail ", "##[error]x", "a #b", "x:", String(repeating: "word ", count: 40),
        "---", "...", "|", ">", "'", "\"", "\\", ",", "key: value # c",
    ])
    func hostileStringsRoundTrip(text: String) throws {
        let sample = Sample(name: text, values: [1.5, -3e-7], count: -4, flag: true, note: text, sizes: [text: 1])
        #expect(try Self.roundTrip(sample).1 == sample)
        #expect(try Self.roundTrip(sample, emitter: YAMLEmitter(width: nil)).1 == sample)
    }

    @Test func keysKeepEncodingOrderAndNilIsLeftOut() throws {
        let sample = Sample(name: "n", values: [], count: 3, flag: false, note: nil, sizes: [:])
        let (text, back) = try Self.roundTrip(sample)
        #expect(text == "name: n\nvalues: []\ncount: 3\nflag: false\nsizes: {}\n")
        #expect(back == sample)
    }

    @Test func legacyWorkflowCommandsAreEscapedInTheHardwareTemplate() throws {
        var profile = try #require(HardwareCatalog.profile(id: "h100-sxm"))
        profile.name = "##[error]pwned"
        let text = HardwareReport.yaml(profile)
        #expect(!text.contains("##["))
        #expect(text.contains("name: \"##\\x5berror]pwned\""))
        #expect(try HardwareLoader.parse(text, path: "t.yaml").name == "##[error]pwned")
    }

    /// A key written twice in a hardware profile is refused where it is written again (Yams refused the file
    /// as a whole; the composer keeps the first value, which must not pass silently).
    @Test func duplicateHardwareKeysAreLocated() {
        #expect(throws: HardwareError.malformed(path: "p.yaml", line: 2, column: 1, message: "duplicate key 'id' (first at 1:1)")) {
            try HardwareLoader.parse("id: a\nid: b\n", path: "p.yaml")
        }
    }
}
