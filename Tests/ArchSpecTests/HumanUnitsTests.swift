import ArchSpec
import Testing

struct HumanUnitsTests {
    @Test(arguments: [
        (Int128(8_030_261_248), "8.03 B"), (525_336_576, "525 M"), (266_240, "266 K"), (999, "999"),
        (999_600, "1.00 M"), (124_439_808, "124 M"),
    ])
    func counts(value: Int128, text: String) { #expect(HumanUnits.count(value) == text) }

    @Test(arguments: [
        (Int128(16_060_522_496), "15.0 GiB"), (131_072, "128 KiB"), (1_073_741_824, "1.00 GiB"), (512, "512 B"),
    ])
    func bytes(value: Int128, text: String) { #expect(HumanUnits.bytes(value) == text) }

    @Test(arguments: [(Int128(16_083_582_976), "16.1 GFLOP"), (9_996_000_000_000, "10.0 TFLOP")])
    func flops(value: Int128, text: String) { #expect(HumanUnits.flops(value) == text) }

    @Test func groupedExactIntegers() {
        #expect(HumanUnits.grouped(8_030_261_248) == "8,030,261,248")
        #expect(HumanUnits.grouped(0) == "0")
        #expect(HumanUnits.grouped(-1234) == "-1,234")
    }

    @Test func jsonEscapesControlCharacters() {
        let text = JSONValue.object([("k\u{1b}", .string("a\"b\\c\n\u{0}"))]).rendered(indent: nil)
        #expect(text == "{\"k\\u001b\":\"a\\\"b\\\\c\\n\\u0000\"}")
        #expect(JSONValue.int(Int128(1) << 100).rendered() == "1267650600228229401496703205376")
    }
}

extension HumanUnitsTests {
    @Test func absurdSizesUseAnExponentPastTheLargestUnit() {
        #expect(HumanUnits.bytes(Int128(1) << 100) == "1.10e12 EiB")
        #expect(HumanUnits.bytes(Int128(1) << 70) == "1.02e3 EiB")
        #expect(HumanUnits.bytes(Int128(1) << 69) == "512 EiB")
    }
}

extension HumanUnitsTests {
    @Test func jsonEscapesLineSeparatorsAndKeepsUnicode() {
        let text = JSONValue.string("a\u{2028}b\u{2029}c é 🚀 \u{7f}").rendered(indent: nil)
        #expect(text == "\"a\\u2028b\\u2029c é 🚀 \\u007f\"")
    }
}
