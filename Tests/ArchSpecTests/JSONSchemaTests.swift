import ArchSpec
import Foundation
import Testing

struct JSONSchemaTests {
    /// docs/archspec.schema.json is generated; regenerate with `swift run archcalc schema > docs/archspec.schema.json`.
    @Test func committedSchemaIsCurrent() throws {
        let committed = try String(contentsOfFile: Repository.path("docs/archspec.schema.json"), encoding: .utf8)
        #expect(committed == JSONSchemaGenerator.schema().rendered() + "\n",
                "docs/archspec.schema.json is stale: run swift run archcalc schema > docs/archspec.schema.json")
    }

    @Test func schemaIsValidJSONWithEveryKey() throws {
        let text = JSONSchemaGenerator.schema().rendered()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let properties = try #require(object["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(SpecSchema.root.map(\.key)))
        let attention = try #require(properties["attention"] as? [String: Any])
        let attentionProperties = try #require(attention["properties"] as? [String: Any])
        #expect(attentionProperties["kv_heads"] != nil)
        #expect(object["required"] as? [String] == SpecSchema.root.filter(\.required).map(\.key))
    }
}
