/// The reverse query "which of these devices fit, and how fast": one sizing per device, same workload.
public struct DeviceComparison: Hashable, Sendable {
    /// One device's answer: its sizing, or why no layout of it can run the model.
    public struct Row: Hashable, Sendable {
        public var hardware: HardwareProfile
        public var result: SizingResult?
        public var error: String?
    }

    public var rows: [Row]

    /// Sizes `spec` on each of `devices` with `request` (the smallest count that fits unless the request pins
    /// one). A device no layout can run gets a row with the reason; other errors (bad options) are thrown.
    public static func run(
        _ spec: ArchitectureSpec, on devices: [HardwareProfile], request: SizingRequest
    ) throws(SizingError) -> DeviceComparison {
        var rows: [Row] = []
        for hardware in devices {
            do {
                rows.append(Row(hardware: hardware, result: try Sizer.size(spec, on: hardware, request: request)))
            } catch {
                guard case .invalidOption(let reason) = error, reason.hasPrefix("no layout") else { throw error }
                rows.append(Row(hardware: hardware, result: nil, error: reason))
            }
        }
        return DeviceComparison(rows: rows)
    }
}
