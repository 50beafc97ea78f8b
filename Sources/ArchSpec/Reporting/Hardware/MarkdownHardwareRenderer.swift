/// Markdown: a table with one row per profile (`list`), or one profile's figures with their sources (`show`).
public struct MarkdownHardwareRenderer: Renderer {
    public init() {}

    public func render(_ selection: HardwareSelection) -> String {
        guard selection.isSingleProfile, let profile = selection.profiles.first else {
            return HardwareReport.listMarkdown(selection.profiles)
        }
        return HardwareReport.showMarkdown(profile)
    }
}
