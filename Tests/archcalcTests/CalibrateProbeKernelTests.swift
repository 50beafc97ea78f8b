import ArchSpec
import Foundation
import Testing

/// `calibrate --probe` for the kernel benchmark: the measured peak, and a small GEMV that streams from memory.
@Suite struct CalibrateProbeKernelTests {
    @Test func peakProbeReportsTheMeasuredClockAndFlopsPerCycle() throws {
        let result = try CLI.run(["calibrate", "--probe", "peak", "--threads", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        let fields = result.stdout.split(separator: " ").map(String.init)
        #expect(fields.count == 6 && fields[0] == "peak" && fields[1] == "2", "\(result.stdout)")
        guard fields.count == 6, let peak = Double(fields[2]),
              let clock = Double(fields[3].dropFirst("clock_hz=".count)),
              let perCycle = Int(fields[4].dropFirst("flops_per_cycle=".count).trimmingCharacters(in: .whitespaces))
        else { return }
        // A debug build's loops are not the machine's (it measures the compiler), so only the shape is checked:
        // a plausible clock and a power of two no wider than 512-bit FMA pipes allow.
        #expect(clock > 1e7 && clock < 1e10)
        #expect([1, 2, 4, 8, 16, 32, 64].contains(perCycle))
        #expect(abs(peak - 2 * clock * Double(perCycle)) <= 1e-6 * peak)
        #expect(fields[5].hasPrefix(KernelVariant.best().rawValue))
    }

    @Test func smallGEMVProbeRotatesCopiesBeyondTheCache() throws {
        // 256 x 256 fp32 is 256 KiB, inside any L2; the probe must still stream (rotating copies), so its rate
        // stays far below an L1/L2-resident figure. The check here is that it runs and reports one line.
        let result = try CLI.run(["calibrate", "--probe", "gemv-fp32:256,256", "--threads", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        let fields = result.stdout.split(separator: " ")
        #expect(fields.first == "gemv-fp32:256,256" && (Double(fields[2]) ?? 0) > 0)
    }
}
