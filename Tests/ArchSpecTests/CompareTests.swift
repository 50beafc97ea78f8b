import ArchSpec
import Testing

/// Comparison rows: exact values and differences against the first spec.
struct CompareTests {
    static func variant(kvHeads: Int) throws -> EstimateReport {
        let spec = try ArchFixtures.spec(PruneTests.gqa.replacingOccurrences("kv_heads: 2", "kv_heads: \(kvHeads)"))
        return EstimateReport(estimate: try ArchFixtures.estimate(spec, context: 1000), source: "kv\(kvHeads)")
    }

    @Test func mhaGqaMqaWorkedByHand() throws {
        let comparison = Comparison(reports: [try Self.variant(kvHeads: 8), try Self.variant(kvHeads: 2),
                                              try Self.variant(kvHeads: 1)], basis: .requested)
        let rows = Dictionary(uniqueKeysWithValues: comparison.rows.map { ($0.metric, $0) })
        // Attention per layer 512 x (1024 + 128 x kv_heads): 1,048,576 / 655,360 / 589,824.
        #expect(rows[.parameters]?.values == [11_514_368, 9_941_504, 9_679_360])
        #expect(rows[.parameters]?.differences == [0, -1_572_864, -1_835_008])
        #expect(rows[.kvBytesPerToken]?.values == [8192, 2048, 1024])
        #expect(rows[.kvBytes]?.values == [8_192_000, 2_048_000, 1_024_000])
        #expect(rows[.decodeFlops]?.values == [30_195_712, 27_049_984, 26_525_696])
        #expect(Comparison.formatPercent(rows[.parameters]?.percent(1)) == "-13.7%")
        #expect(Comparison.formatPercent(rows[.kvBytesPerToken]?.percent(2)) == "-87.5%")
    }
}
