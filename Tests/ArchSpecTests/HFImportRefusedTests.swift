import ArchSpec
import Testing

/// Model types transformers builds but archcalc cannot express: a located error that names the missing piece.
struct HFImportRefusedTests {
    @Test(arguments: [("kimi_linear", "Kimi Delta Attention"), ("gemma3n", "AltUp")])
    func refusedTypeIsALocatedError(_ modelType: String, _ missing: String) throws {
        let loaded = ArchFixtures.yaml("{\"model_type\": \"\(modelType)\", \"hidden_size\": 2048}", file: "config.json")
        let error = try #require(loaded.diagnostics.first { $0.severity == .error })
        #expect(error.location != nil)
        #expect(error.message.contains(missing), "\(error.message)")
        #expect(HFImport.refusedModelTypes.contains(modelType))
    }
}
