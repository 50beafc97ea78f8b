/// What `archcalc hardware` shows: every built-in profile (`list`) or one profile (`show`).
public struct HardwareSelection: Sendable {
    public var profiles: [HardwareProfile]
    /// Whether one profile was asked for (`show`) rather than the catalog (`list`).
    public var isSingleProfile: Bool

    /// Several profiles, as `hardware list` shows them.
    public static func list(_ profiles: [HardwareProfile]) -> HardwareSelection {
        HardwareSelection(profiles: profiles, isSingleProfile: false)
    }

    /// One profile, as `hardware show` shows it.
    public static func one(_ profile: HardwareProfile) -> HardwareSelection {
        HardwareSelection(profiles: [profile], isSingleProfile: true)
    }
}

/// The output formats of `archcalc hardware list` and `hardware show`.
public enum HardwareFormat: String, ReportFormat {
    case text, markdown, json, yaml

    public func renderer(_ options: RenderOptions) -> any Renderer<HardwareSelection> {
        switch self {
        case .text: TextHardwareRenderer()
        case .markdown: MarkdownHardwareRenderer()
        case .json: JSONHardwareRenderer()
        case .yaml: YAMLHardwareRenderer()
        }
    }
}
