/// The output formats of `archcalc validate`.
public enum ValidationFormat: String, ReportFormat {
    case text, json

    public func renderer(_ options: RenderOptions) -> any Renderer<ValidationReport> {
        switch self {
        case .text: TextValidationRenderer()
        case .json: JSONValidationRenderer()
        }
    }
}
