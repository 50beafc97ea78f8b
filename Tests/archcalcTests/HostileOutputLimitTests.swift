import Foundation
import Testing

#if canImport(Glibc)
/// Escaping is linear: a spec whose name is 1 MiB of hostile text (every escaped class, repeated) renders in
/// every format within a CPU and memory bound measured for the child with `wait4`.
struct HostileOutputLimitTests {
    /// One repeated unit of the name, as YAML double-quoted escapes: combining mark after `<`, pipe, comma,
    /// quote, RLO, LF, a workflow command, `##[`, NEL, a backslash.
    static let unit = #"<\u0301|,\"\u202E\n::error::x##[\N\\&"#

    @Test(arguments: [["estimate", "--format", "markdown"], ["estimate", "--format", "csv"], ["estimate", "--format", "json"],
                      ["compare", "--format", "markdown"]])
    func aMebibyteNameRendersInBoundedTime(command: [String]) throws {
        let name = "\"" + String(repeating: Self.unit, count: (1 << 20) / Self.unit.utf8.count) + "\""
        let spec = try CLI.temporaryFile(Hostile.spec(name: name), name: "huge-name.yaml")
        let run = try MeasuredRun.run([command[0], spec, spec] + command.dropFirst())
        #expect(run.status == 0, "\(run.stderr.prefix(300))")
        // Debug build: about 0.5 s to load both specs and 1.3 s at most with rendering (markdown).
        #expect(run.cpuSeconds < 3, "\(command): \(run.cpuSeconds) s of CPU")
        #expect(run.maxResidentKiB < 200 * 1024, "\(command): \(run.maxResidentKiB) KiB")
    }
}
#endif
