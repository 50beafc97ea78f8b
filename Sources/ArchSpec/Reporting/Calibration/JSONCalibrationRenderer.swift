/// JSON: the profile's keys (its `version` is the profile schema's), through the one JSON writer.
public struct JSONCalibrationRenderer: Renderer {
    public init() {}

    public func render(_ result: CalibrationResult) -> String {
        ((try? JSONValueEncoder.encode(result)) ?? .null).rendered() + "\n"
    }
}
