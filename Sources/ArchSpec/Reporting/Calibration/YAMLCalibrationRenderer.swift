/// YAML: the profile file. Empty only when the profile cannot be encoded (`CalibrationResult.yaml()` says why).
public struct YAMLCalibrationRenderer: Renderer {
    public init() {}

    public func render(_ result: CalibrationResult) -> String { (try? result.yaml()) ?? "" }
}
