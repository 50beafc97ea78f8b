import Foundation
import Testing

/// Errors that used to be silent or empty: each says why, in one located line where there is a file.
@Suite struct SizingErrorCommandTests {
    static let llama = CLI.path("specs/llama-3-8b.yaml")

    @Test func aTensorDegreeAloneSaysWhyNoLayoutRuns() throws {
        let run = try CLI.run(["size", Self.llama, "--hardware", "h100-sxm", "--tp", "3"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no layout up to 1024 devices can run llama-3-8b: tp 3 does not divide heads 32"))
        let wide = try CLI.run(["size", Self.llama, "--hardware", "h100-sxm", "--tp", "16"])
        #expect(wide.stderr.contains(": tp 16 exceeds the 8 devices that share"))
    }

    @Test func devicesThatAreNotAMultipleOfTPAreNamed() throws {
        let run = try CLI.run(["size", Self.llama, "--hardware", "h100-sxm", "--gpus", "4", "--tp", "8"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("error: --gpus 4 is not a multiple of --tp 8"))
        #expect(!run.stderr.contains("can run llama-3-8b: \n") && !run.stderr.hasSuffix(": \n"))
    }

    static let calibrationProfile = "version: 1\nid: host\nmeasured_at: \"2026-01-01T00:00:00Z\"\nquick: true\ngemm: []\n"

    @Test func aCalibrationProfileGivenAsHardwareIsNamed() throws {
        let path = try CLI.temporaryFile(Self.calibrationProfile, name: "profile.yaml")
        let run = try CLI.run(["size", Self.llama, "--hardware", path])
        #expect(run.status == 2)
        #expect(run.stderr == "error: \(path):3:1: this is a calibration profile (archcalc calibrate's output, with "
                + "'measured_at'), not a hardware profile: give it to size --calibration or validate --profile; "
                + "calibrate --hardware-profile FILE writes this host's hardware profile for --hardware\n")
        #expect(!run.stderr.contains("did you mean"))
    }

    @Test func aHardwareProfileGivenAsCalibrationIsNamed() throws {
        let hardware = try CLI.run(["hardware", "show", "h100-sxm", "--format", "yaml"]).stdout
        let path = try CLI.temporaryFile(hardware, name: "h100.yaml")
        #expect(try CLI.run(["size", Self.llama, "--hardware", path]).status == 0)
        let run = try CLI.run(["size", Self.llama, "--hardware", "h100-sxm", "--calibration", path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("error: \(path):4:1: this is a hardware profile (the catalog schema, with 'memory'), "
                                    + "not a calibration profile: give it to size --hardware"))
    }

    /// Calibration-profile errors through `size --calibration`: one located line, no Swift decoding text.
    @Test(arguments: [
        ("version: 1\nid: x\nmeasured_at: \"t\"\nquick: maybe\n", ":4:8: quick must be true or false"),
        ("version: 1\nid: x\nmeasured_at: \"t\"\nquick: true\nhost: 5\n", ":5:7: host must be a mapping"),
        ("version: 1\nid: x\nmeasured_at: \"t\"\nquick: true\nhost: {}\n", ":5:7: missing key 'cpu_model' in host"),
    ])
    func calibrationErrorsAreLocated(text: String, expected: String) throws {
        let path = try CLI.temporaryFile(text, name: "calibration.yaml")
        let run = try CLI.run(["size", Self.llama, "--hardware", "h100-sxm", "--calibration", path])
        #expect(run.status == 2)
        #expect(run.stderr == "error: \(path)\(expected)\n")
        #expect(!run.stderr.contains("DecodingError") && !run.stderr.contains("CodingKeys"))
    }
}
