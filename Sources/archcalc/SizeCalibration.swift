import ArchSpec
import ArgumentParser

extension Archcalc.Size {
    /// The sizing result in `format`, with the step surface's figures of `--calibration` when given.
    func rendered(_ result: SizingResult, spec: ArchitectureSpec) throws -> String {
        guard let calibration else { return format.render(result) }
        let profile: CalibrationResult
        do { profile = try CalibrationResult.load(path: calibration) } catch {
            throw CommandFailure.error("\(error)")
        }
        let estimate = StepSizing.estimate(result, spec: spec, profile: profile)
        switch format {
        case .json: return StepSizing.json(result, estimate).rendered() + "\n"
        case .text: return format.render(result) + StepSizing.text(estimate)
        case .markdown: return format.render(result) + StepSizing.text(estimate, markdown: true)
        }
    }
}
