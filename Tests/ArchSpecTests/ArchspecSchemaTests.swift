import Foundation
import Testing
@testable import ArchSpec

/// The JSON Schema accepts what the loader accepts (every spelling of every closed set, every spec in specs/)
/// and carries the defaults the loader applies.
struct ArchspecSchemaTests {
    static let schema: TestJSON = {
        (try? TestJSON.parse(JSONSchemaGenerator.schema().rendered())) ?? .null
    }()

    /// A composed YAML document as the JSON value an editor validates (plain `32` a number, `true` a boolean).
    static func json(_ node: YAMLNode) -> TestJSON {
        switch node {
        case .scalar(let scalar):
            guard !scalar.isQuoted else { return .string(scalar.value) }
            if scalar.value == "true" || scalar.value == "false" { return .bool(scalar.value == "true") }
            if case .value(let number) = ScalarParsing.number(scalar) { return .number(number) }
            return .string(scalar.value)
        case .sequence(let sequence):
            return .array(sequence.items.map(json))
        case .mapping(let mapping):
            return .object(Dictionary(mapping.entries.compactMap { entry in entry.name.map { ($0, json(entry.value)) } },
                                      uniquingKeysWith: { first, _ in first }))
        }
    }

    static func schemaErrors(_ yaml: String) throws -> [String] {
        let document = try YAMLComposer.compose(Array(yaml.utf8))
        let root = try #require(document.root)
        return LintJSONSchemaChecker(root: schema).check(json(root))
    }

    /// Every choice field with its dotted path, walking the whole schema.
    static func choiceFields(_ fields: [SchemaField] = SpecSchema.root, prefix: String = "") -> [(path: String, options: [String])] {
        fields.flatMap { field -> [(path: String, options: [String])] in
            let path = prefix + field.key
            switch field.kind {
            case .choice(let options): return [(path, options)]
            case .section(let children): return choiceFields(children, prefix: path + ".")
            default: return []
            }
        }
    }

    /// A small spec that writes only required keys, so any optional key can be added once.
    static let base = """
        archspec: 1
        name: base
        vocab_size: 1000
        hidden_size: 256
        layers: 2
        context_length: 512
        attention:
          heads: 4
          kv_heads: 2
        mlp:
          intermediate_size: 512
        """

    /// `base` with `path: value` written (a root key appended, or the key added to its section, the section
    /// created when absent).
    static func spec(_ path: String, _ value: String) -> String {
        let parts = path.split(separator: ".").map(String.init)
        guard parts.count > 1 else { return base + "\n\(path): \(value)\n" }
        let nested = parts.dropFirst().enumerated().map { depth, key in
            String(repeating: "  ", count: depth + 1) + key + ":" + (depth == parts.count - 2 ? " \(value)" : "")
        }.joined(separator: "\n") + "\n"
        let section = "\n" + parts[0] + ":\n"
        if base.contains(section) { return base.replacingOccurrences(of: section, with: section + nested) }
        return base + section + nested
    }

    /// The schema of the property at a dotted path.
    static func property(_ path: String) -> TestJSON? {
        path.split(separator: ".").reduce(Optional(schema)) { node, key in node?["properties"]?[String(key)] }
    }

    static func errors(_ text: String) -> [String] {
        load(text).diagnostics.filter { $0.severity == .error }.map(\.oneLine)
    }

    @Test func everyDTypeSpellingTheLoaderAcceptsValidates() throws {
        #expect(DType.spellings.count == DType.allCases.count + DType.aliases.count)
        for (spelling, dtype) in DType.spellings {
            for key in ["dtype", "state_dtype"] {
                let text = Self.spec(key, spelling)
                #expect(Self.errors(text) == [], "\(key): \(spelling)")
                #expect(try Self.schemaErrors(text) == [], "\(key): \(spelling)")
            }
            #expect(load(Self.spec("dtype", spelling)).spec?.dtype == dtype)
        }
        // And what the loader refuses, the schema refuses.
        for wrong in ["FLOAT16", "Half", "fp4", "bf-16"] {
            #expect(!Self.errors(Self.spec("dtype", wrong)).isEmpty, "\(wrong)")
            #expect(try !Self.schemaErrors(Self.spec("dtype", wrong)).isEmpty, "\(wrong)")
        }
    }

    @Test func everyChoiceSpellingValidatesAndLoadsWithoutAValueError() throws {
        let fields = Self.choiceFields()
        #expect(fields.count >= 8)
        for (path, options) in fields {
            for (spelling, _) in SpecSchema.spellings(of: options) {
                let text = Self.spec(path, spelling)
                let property = try #require(Self.property(path), "\(path) is not in the schema")
                #expect(LintJSONSchemaChecker(root: property).check(.string(spelling)) == [], "\(path): \(spelling)")
                // Other keys may be needed with it (kind: mla needs its dims), but the value itself is accepted.
                let refused = load(text).diagnostics.filter { $0.keyPath == path && $0.code == .load(.invalidValue) }
                #expect(refused.isEmpty, "\(path): \(spelling): \(refused.map(\.oneLine))")
            }
        }
    }

    @Test func everySpecInSpecsValidates() throws {
        let folder = Repository.path("specs")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(names.count >= 20)
        for name in names {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            #expect(try Self.schemaErrors(text) == [], "\(name)")
        }
    }

    @Test func literalDefaultsAreInTheSchemaAndLoadAsOmitted() throws {
        let base = try #require(load(Self.base).spec)
        var checked: [String] = []
        func walk(_ fields: [SchemaField], schema: TestJSON?, prefix: String) throws {
            for field in fields {
                let path = prefix + field.key
                let property = schema?["properties"]?[field.key]
                if case .section(let children) = field.kind {
                    // Only sections that add nothing by being present (moe, ssm, ... change the model).
                    if ["attention", "mlp", "norm", "position", "parallelism"].contains(path) {
                        try walk(children, schema: property, prefix: path + ".")
                    }
                    continue
                }
                guard let value = JSONSchemaGenerator.defaultValue(field) else {
                    #expect(property?["default"] == nil, "\(path) has a derived default, not a literal one")
                    continue
                }
                #expect(property?["default"] == (try TestJSON.parse(value.rendered())), "\(path)")
                let written = load(Self.spec(path, value.rendered()))
                #expect(written.spec == base, "\(path): \(value.rendered()) differs from leaving it out: \(Self.errors(Self.spec(path, value.rendered())))")
                checked.append(path)
            }
        }
        try walk(SpecSchema.root, schema: Self.schema, prefix: "")
        #expect(checked.contains("dtype") && checked.contains("tie_embeddings") && checked.contains("parallelism.tensor"), "\(checked)")
        #expect(Self.schema["properties"]?["attention"]?["properties"]?["head_dim"]?["default"] == nil)
    }
}
