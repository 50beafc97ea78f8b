import Testing
@testable import ArchSpec

/// The one JSON writer: numbers at 15 significant digits, `Codable` values through `JSONValueEncoder`.
@Suite struct JSONWriterTests {
    @Test func doublesHaveFifteenSignificantDigits() {
        #expect(JSONValue.double(66.9e12).rendered() == "66900000000000")  // not 66900000000000.01
        #expect(JSONValue.double(0.1 + 0.2).rendered() == "0.3")            // not 0.30000000000000004
        #expect(JSONValue.double(0.00660978691515448712).rendered() == "0.00660978691515449")
        #expect(JSONValue.double(1.5e20).rendered() == "1.5e+20")
        #expect(JSONValue.double(-2.5).rendered() == "-2.5")
        #expect(JSONValue.double(.infinity).rendered() == "null")
        #expect(JSONValue.double(5e-324).rendered() == "5e-324")
    }

    struct Sample: Encodable {
        var name = "a/b"
        var count = 3
        var ratio = 0.25
        var missing: Int? = nil
        var list = [1, 2]
        var nested = ["k": true]
    }

    @Test func encodableValuesKeepKeyOrderAndLeaveNilOut() throws {
        let value = try JSONValueEncoder.encode(Sample())
        #expect(value.rendered(indent: nil) == #"{"name":"a/b","count":3,"ratio":0.25,"list":[1,2],"nested":{"k":true}}"#)
    }
}
