import ArchSpec
import ArgumentParser
import Foundation

extension Archcalc.Size {
    /// `--hardware` values split at commas (a value naming an existing file is kept whole).
    var hardwareList: [String] {
        hardware.flatMap { value -> [String] in
            if FileManager.default.fileExists(atPath: value) { return [value] }
            return value.split(separator: ",", omittingEmptySubsequences: true).map { String($0) }
        }
    }

    /// Every named device's profile; exits 2 on the first that cannot be read.
    func resolveHardware() throws -> [HardwareProfile] {
        let names = hardwareList
        if names.isEmpty { throw ValidationError("--hardware: name at least one device") }
        if names.count > 64 { throw ValidationError("--hardware: at most 64 devices, got \(names.count)") }
        var profiles: [HardwareProfile] = []
        for name in names {
            do { profiles.append(try HardwareCatalog.resolve(name)) } catch {
                Output.error("error: \(error.description)")
                throw ExitCode(2)
            }
        }
        return profiles
    }

    /// The reverse queries: one row per device, or the best dtypes on one device. Exit 1 when nothing fits.
    func runReverse(_ spec: ArchitectureSpec, profiles: [HardwareProfile], request: SizingRequest) throws {
        if bestDtype {
            let choice = try DTypeSearch.best(spec, on: profiles[0], request: request)
            Output.write(format.render(dtypes: choice))
            if explain, let best = choice.best { Output.write(format.renderBasis(best.result)) }
            if choice.best == nil { throw ExitCode(1) }
            return
        }
        let comparison = try DeviceComparison.run(spec, on: profiles, request: request)
        Output.write(format.render(devices: comparison))
        if !comparison.rows.contains(where: { $0.result?.fits == true }) { throw ExitCode(1) }
    }
}
