import ArchSpec
import ArgumentParser

extension Archcalc.Size {
    /// The step surface's figures of `--calibration` for `result`, or `nil` without it.
    func calibrationEstimate(_ result: SizingResult, spec: ArchitectureSpec) throws -> StepSizingEstimate? {
        guard let calibration else { return nil }
        let profile: CalibrationResult
        do { profile = try CalibrationResult.load(path: calibration) } catch {
            throw CommandFailure.error("\(error)")
        }
        return StepSizing.estimate(result, spec: spec, profile: profile)
    }
}
