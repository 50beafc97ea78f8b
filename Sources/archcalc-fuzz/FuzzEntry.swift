// The fuzz target for every input path. Two builds of one file:
// - `scripts/fuzz.sh` builds it with `-sanitize=fuzzer,address -DFUZZING`: libFuzzer supplies `main` and calls
//   `LLVMFuzzerTestOneInput` with generated inputs.
// - A normal `swift build` makes a replayer: `archcalc-fuzz FILE...` runs the same checks on each file, which is
//   how a crash the fuzzer found is reproduced, and how the corpus is exercised without libFuzzer.
import ArchSpec

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    FuzzChecks.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

public typealias ArgumentVector = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<ArgumentVector>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

/// SwiftPM links an executable's entry point as `<module>_main`; here it hands over to libFuzzer's driver.
@_cdecl("archcalc_fuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: ArgumentVector) -> Int32 {
    var count = argc
    var vector = argv
    return runFuzzerDriver(&count, &vector, fuzzOneInput)
}
#else
@main
struct Replayer {
    static func main() {
        var replayed = 0
        for path in CommandLine.arguments.dropFirst() {
            do {
                FuzzChecks.run(try FileInput.read(path))
                replayed += 1
            } catch {
                print("\(error)")
            }
        }
        print("replayed \(replayed) inputs without a crash")
    }
}
#endif
