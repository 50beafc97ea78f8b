/// The output formats of `archcalc calibrate`: the profile as YAML (the file `validate --profile` and
/// `size --calibration` read) or as JSON with the same keys.
public enum CalibrationFormat: String, ReportFormat {
    case yaml, json

    public func renderer(_ options: RenderOptions) -> any Renderer<CalibrationResult> {
        switch self {
        case .yaml: YAMLCalibrationRenderer()
        case .json: JSONCalibrationRenderer()
        }
    }
}
