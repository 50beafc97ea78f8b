/// YAML: the schema `--hardware FILE` reads (a template for your own profile); for `list`, one document per
/// profile, separated by `---`, each a valid profile file.
public struct YAMLHardwareRenderer: Renderer {
    public init() {}

    public func render(_ selection: HardwareSelection) -> String {
        selection.profiles.map(HardwareReport.yaml).joined(separator: "---\n")
    }
}
