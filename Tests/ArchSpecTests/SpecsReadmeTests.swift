import Foundation
import Testing
@testable import ArchSpec

/// specs/README.md's table is what `archcalc estimate specs/*.yaml --format csv` prints, one row per spec.
struct SpecsReadmeTests {
    @Test func tableMatchesTheEstimates() throws {
        let readme = try String(contentsOfFile: Repository.path("specs/README.md"), encoding: .utf8)
        var rows: [String: [String]] = [:]
        for line in readme.split(separator: "\n") where line.hasPrefix("| ") && line.contains(".yaml |") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            rows[cells[0]] = cells
        }
        let folder = Repository.path("specs")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(Set(rows.keys) == Set(names), "specs/README.md rows and specs/*.yaml differ")
        let run = Estimator.run(paths: names.map { folder + "/" + $0 }, options: CostOptions())
        #expect(!run.failed)
        for (name, report) in zip(names, run.reports) {
            let row = try #require(rows[name])
            let estimate = report.estimate
            #expect(row[2] == HumanUnits.grouped(estimate.parameters.total), "\(name) total")
            #expect(row[3] == HumanUnits.grouped(estimate.parameters.active), "\(name) active")
            #expect(row[1] == LayerKindCount.sentence(estimate.layerKinds), "\(name) layers")
        }
    }
}
