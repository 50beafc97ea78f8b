/// JSON: `{"version": 1, "hardware": profile}` for `show`, `{"version": 1, "hardware": [profile, ...]}` for
/// `list`; a profile has the keys of the YAML schema (`JSONValueEncoder`). docs/json.md documents the shape.
public struct JSONHardwareRenderer: Renderer {
    /// The version of this document's shape.
    public static let version = 1

    public init() {}

    public func render(_ selection: HardwareSelection) -> String {
        let profiles = selection.profiles.map(HardwareReport.jsonValue)
        let hardware: JSONValue = selection.isSingleProfile ? profiles.first ?? .null : .array(profiles)
        return JSONValue.object([("version", .int(Self.version)), ("hardware", hardware)]).rendered() + "\n"
    }
}
