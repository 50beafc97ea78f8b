import Testing
@testable import ArchSpec

/// The dtype reverse query's order and answer.
@Suite struct DTypeSearchTests {
    @Test func combinationsRunFromMostToLeastPrecise() {
        let all = DTypeSearch.combinations(wide: .fp16)
        #expect(all.count == 16)
        #expect(all.first! == (.fp16, .fp16))  // the spec's own 16-bit dtype stands for bf16
        #expect(all[1] == (.fp16, .fp8))
        #expect(all[4] == (.fp8, .fp16))
        #expect(all.last! == (.int4, .int4))
    }

    @Test func stopsAtTheFirstFitOnOneDevice() throws {
        // GPT-2 (124M parameters) fits an 80 GiB device in its own 16-bit dtype: the first combination answers.
        let spec = try #require(SpecLoader.load(path: CLIPaths.spec("gpt2")).spec)
        let h100 = try #require(HardwareCatalog.profile(id: "h100-sxm"))
        let choice = try DTypeSearch.best(spec, on: h100, request: SizingRequest(context: 1024, batch: 1))
        #expect(choice.trials.count == 1)
        let wide: DType = spec.dtype.bits >= 16 && spec.dtype != .fp32 ? spec.dtype : .bf16
        #expect(choice.best?.weights == wide)
        #expect(choice.best?.kv == wide)
        #expect(choice.best?.result.layout.devices == 1)
    }
}

enum CLIPaths {
    static func spec(_ name: String) -> String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/specs/\(name).yaml"
    }
}
