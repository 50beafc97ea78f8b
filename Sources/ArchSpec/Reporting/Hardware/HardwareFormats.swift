/// The output formats of `archcalc hardware list`: every built-in profile.
public enum HardwareListFormat: String, ReportFormat {
    case text, markdown, json

    public func renderer(_ options: RenderOptions) -> any Renderer<[HardwareProfile]> {
        switch self {
        case .text: HardwareListRenderer(format: self)
        case .markdown: HardwareListRenderer(format: self)
        case .json: HardwareListRenderer(format: self)
        }
    }
}

/// The output formats of `archcalc hardware show`: one profile with every figure's source.
public enum HardwareShowFormat: String, ReportFormat {
    case text, markdown, json, yaml

    public func renderer(_ options: RenderOptions) -> any Renderer<HardwareProfile> {
        HardwareShowRenderer(format: self)
    }
}

/// `hardware list`: a text table, a Markdown table, or `{"version": 1, "hardware": [profile, ...]}`.
public struct HardwareListRenderer: Renderer {
    public var format: HardwareListFormat

    public init(format: HardwareListFormat) { self.format = format }

    public func render(_ profiles: [HardwareProfile]) -> String {
        switch format {
        case .text: HardwareReport.listText(profiles)
        case .markdown: HardwareReport.listMarkdown(profiles)
        case .json:
            JSONValue.object([("version", .int(HardwareReport.jsonVersion)),
                              ("hardware", .array(profiles.map(HardwareReport.jsonValue)))]).rendered() + "\n"
        }
    }
}

/// `hardware show`: text or Markdown with every figure's source, `{"version": 1, "hardware": profile}`, or the
/// YAML schema `--hardware FILE` reads.
public struct HardwareShowRenderer: Renderer {
    public var format: HardwareShowFormat

    public init(format: HardwareShowFormat) { self.format = format }

    public func render(_ profile: HardwareProfile) -> String {
        switch format {
        case .text: HardwareReport.showText(profile)
        case .markdown: HardwareReport.showMarkdown(profile)
        case .yaml: HardwareReport.yaml(profile)
        case .json:
            JSONValue.object([("version", .int(HardwareReport.jsonVersion)),
                              ("hardware", HardwareReport.jsonValue(profile))]).rendered() + "\n"
        }
    }
}

extension HardwareReport {
    /// The version of the hardware JSON documents' shape (the profile's keys are the YAML schema's).
    public static let jsonVersion = 1
}
