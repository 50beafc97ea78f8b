/// Text: one row per profile (`list`), or every figure of one profile with its source (`show`).
public struct TextHardwareRenderer: Renderer {
    public init() {}

    public func render(_ selection: HardwareSelection) -> String {
        guard selection.isSingleProfile, let profile = selection.profiles.first else {
            return HardwareReport.listText(selection.profiles)
        }
        return HardwareReport.showText(profile)
    }
}
