import Testing
@testable import ArchSpec

/// The decoder over archcalc's own YAML tree: the scalar forms Yams writes, and errors that locate.
struct YAMLNodeDecoderTests {
    struct Sample: Decodable, Equatable {
        var count: Int
        var rate: Double
        var peak: Double
        var floor: Double
        var name: String
        var quoted: String
        var flag: Bool
        var missing: Int?
        var empty: Int?
        var values: [Double]
        var sizes: [String: Int]
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        let root = try #require(try YAMLComposer.compose(text).root)
        return try YAMLNodeDecoder().decode(type, from: root)
    }

    @Test func scalarsFollowTheCoreSchema() throws {
        let sample = try Self.decode(Sample.self, """
            count: 42
            rate: 1.5e+9
            peak: .inf
            floor: -.inf
            name: 12
            quoted: "true"
            flag: false
            empty: null
            values: [1, 2.5, -3.0e-3]
            sizes: {L1d: 32768, L2: 1048576}
            """)
        #expect(sample == Sample(count: 42, rate: 1.5e9, peak: .infinity, floor: -.infinity, name: "12", quoted: "true",
                                 flag: false, missing: nil, empty: nil, values: [1, 2.5, -0.003],
                                 sizes: ["L1d": 32768, "L2": 1_048_576]))
    }

    @Test func errorsCarryTheirPathAndLocation() throws {
        let text = "count: 1\nrate: 2\npeak: 3\nfloor: 4\nname: n\nquoted: q\nflag: true\nvalues: [1, x]\nsizes: {}\n"
        let root = try #require(try YAMLComposer.compose(text).root)
        do {
            _ = try YAMLNodeDecoder().decode(Sample.self, from: root)
            Issue.record("expected a type mismatch")
        } catch let error as DecodingError {
            let failure = DecodingFailure(error)
            #expect(failure.message == "values[1] must be a number")
            #expect(failure.location(in: root) == SourceLocation(line: 8, column: 13))
        }
    }
}
