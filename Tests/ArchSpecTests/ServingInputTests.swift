import Foundation
import Testing
@testable import ArchSpec

/// Length distributions, option values and the workload checks.
@Suite struct ServingInputTests {
    @Test func distributionsParseWithTheirMoments() throws {
        #expect(try LengthDistribution.parse("2k") == .fixed(2048))
        #expect(try LengthDistribution.parse("fixed:256") == .fixed(256))
        let uniform = try LengthDistribution.parse("uniform:1k..3k")
        #expect(uniform == .uniform(low: 1024, high: 3072))
        #expect(uniform.mean == 2048)
        // E[X^2] of uniform(a, b) = (a^2 + ab + b^2) / 3.
        let a = 1024.0, b = 3072.0
        let expected: Double = (a * a + a * b + b * b) / 3
        #expect(uniform.secondMoment == expected)
        #expect(uniform.quantile(0.25) == 1536)
        let normal = try LengthDistribution.parse("normal:2048,512")
        #expect(abs(normal.quantile(0.9) - (2048 + 512 * 1.2815515655)) < 1e-3)
        #expect(normal.quantile(0.5) == 2048)
        let normalSecond: Double = 2048.0 * 2048 + 512.0 * 512
        #expect(normal.secondMoment == normalSecond)
        // Log-normal: mean = median e^{sigma^2 / 2}; the 0.1 quantile of normal:100,200 is clipped at 1 token.
        let lognormal = try LengthDistribution.parse("lognormal:1000,0.5")
        #expect(abs(lognormal.mean - 1000 * exp(0.125)) < 1e-9)
        #expect(abs(lognormal.quantile(0.5) - 1000) < 1e-6)
        #expect(try LengthDistribution.parse("normal:100,200").quantile(0.1) == 1)
        #expect(normal.description == "normal:2048,512")
    }

    @Test(arguments: ["", "abc", "0", "-5", "normal:2k", "normal:2k,x", "normal:10,1000", "uniform:4k..1k",
                      "uniform:1k", "lognormal:1k,9", "poisson:5", "2e12", "nan", "uniform:1k..inf"])
    func badDistributionsAreRefused(_ text: String) {
        #expect(throws: ServingError.self) { try LengthDistribution.parse(text) }
    }

    @Test func inverseNormalMatchesKnownQuantiles() {
        #expect(abs(Normal.inverse(0.975) - 1.959963985) < 1e-8)
        #expect(abs(Normal.inverse(0.01) + 2.326347874) < 1e-8)
        #expect(abs(Normal.cdf(1.2815515655446004) - 0.9) < 1e-12)
    }

    @Test func optionValuesParse() throws {
        #expect(try ServingArguments.integers("1..8", name: "tp", limit: 1024) == [1, 2, 4, 8])
        #expect(try ServingArguments.integers("1,3,3,6", name: "tp", limit: 1024) == [1, 3, 6])
        #expect(try ServingArguments.integers("512..8k", name: "chunk", limit: 1 << 24) == [512, 1024, 2048, 4096, 8192])
        #expect(throws: ServingError.self) { try ServingArguments.integers("0", name: "tp", limit: 8) }
        #expect(throws: ServingError.self) { try ServingArguments.integers("8..1", name: "tp", limit: 8) }
        #expect(throws: ServingError.self) { try ServingArguments.integers("1..16", name: "tp", limit: 8) }
        #expect(try ServingArguments.duration("20ms") == 0.020)
        #expect(try ServingArguments.duration("1s") == 1)
        #expect(throws: ServingError.self) { try ServingArguments.duration("-1s") }
        #expect(try ServingArguments.bandwidth("400 Gb/s") == 50e9)
        #expect(try ServingArguments.share("30%") == 0.3)
        #expect(throws: ServingError.self) { try ServingArguments.share("1") }
        #expect(try ServingArguments.price("h100-sxm=2.5") == ("h100-sxm", 2.5))
        #expect(try ServingArguments.price("$3") == ("*", 3))
        #expect(throws: ServingError.self) { try ServingArguments.price("h100=free") }
        #expect(throws: ServingError.self) { try ServingArguments.rate("fast") }
    }

    @Test func workloadChecksRateAndContext() {
        func check(_ rate: Double, input: LengthDistribution = .fixed(2048), hit: Double = 0) throws {
            try ServingWorkload(requestRate: rate, input: input, output: .fixed(256), prefixHitRate: hit)
                .validate(contextLength: 8192)
        }
        #expect(throws: ServingError.self) { try check(0) }
        #expect(throws: ServingError.self) { try check(1e12) }
        #expect(throws: ServingError.self) { try check(.nan) }
        #expect(throws: ServingError.self) { try check(1, input: .fixed(8000)) }
        #expect(throws: ServingError.self) { try check(1, input: .normal(mean: 6000, sd: 1000)) }
        #expect(throws: ServingError.self) { try check(1, hit: 1) }
        #expect(throws: Never.self) { try check(1e7) }
    }

    @Test func targetsMustBePositive() {
        #expect(throws: ServingError.self) { try ServingTargets(ttftP90: 0).validate() }
        #expect(throws: ServingError.self) { try ServingTargets(tpotP50: .infinity).validate() }
        #expect(throws: Never.self) { try ServingTargets(ttftP90: 1, tpotP90: 0.02).validate() }
    }
}
