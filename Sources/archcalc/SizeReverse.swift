import ArchSpec
import ArgumentParser

extension HardwareReference {
    /// One `--hardware` value: a profile file kept whole, or comma-separated built-in ids or files.
    static func list(parsing text: String) throws -> [HardwareReference] {
        if PathText.exists(text) { return [try HardwareReference(parsing: text)] }
        let names = text.split(separator: ",", omittingEmptySubsequences: true).map { String($0) }
        if names.isEmpty { throw ValidationError("--hardware: name at least one device") }
        return try names.map { name throws in try HardwareReference(parsing: name) }
    }
}

extension Archcalc.Size {
    /// Every device named by `--hardware`, in order.
    var hardwareList: [HardwareReference] { hardware.flatMap { $0 } }

    /// The reverse queries' combinations: several devices or `--best-dtype` with no sweep, chart or calibration.
    func validateReverse() throws {
        let count = hardwareList.count
        if count == 0 { throw ValidationError("--hardware: name at least one device") }
        if count > 64 { throw ValidationError("--hardware: at most 64 devices, got \(count)") }
        guard count > 1 || bestDtype else { return }
        let name = bestDtype ? "--best-dtype" : "several --hardware devices"
        for (flag, set) in [("--sweep", sweep != nil), ("--plot", plot != nil), ("--calibration", calibration != nil),
                            ("--scales", scales), ("--explain", explain && !bestDtype)] where set {
            throw ValidationError("\(name) cannot be combined with \(flag)")
        }
        if bestDtype && count > 1 { throw ValidationError("--best-dtype takes one --hardware device") }
        if bestDtype && (workload.dtype != nil || workload.kvDtype != nil) {
            throw ValidationError("--best-dtype chooses the dtypes: drop --weights-dtype and --kv-dtype")
        }
    }

    /// The reverse queries: one row per device, or the best dtypes on one device. Returns whether anything fits.
    func runReverse(_ spec: ArchitectureSpec, profiles: [HardwareProfile], request: SizingRequest) throws -> Bool {
        if bestDtype {
            let choice = try DTypeSearch.best(spec, on: profiles[0], request: request)
            let basis = explain ? choice.best.map { format.renderBasis($0.result) } ?? "" : ""
            try output.emit(format.render(dtypes: choice) + basis)
            return choice.best != nil
        }
        let comparison = try DeviceComparison.run(spec, on: profiles, request: request)
        try output.emit(format.render(devices: comparison))
        return comparison.rows.contains { $0.result?.fits == true }
    }
}
