/// Small constructors that keep catalog entries readable: `gib(80, src)`, `tbps(3.35, src)`, `tflops(989.4, src)`.
///
/// Capacity: datasheet "GB" of HBM/GDDR/DRAM is read as GiB (2^30 bytes) because the memory parts are
/// binary-sized (nvidia-smi reports 81920 MiB on an A100 80GB). Bandwidth and throughput: decimal, as datasheets
/// print them (1 TB/s = 10^12 bytes/s, 1 TFLOP/s = 10^12 FLOP/s).
enum Figure {
    static func gib(_ value: Double, _ source: String) -> Sourced<Bytes> {
        Sourced(value * 1_073_741_824, source: source)
    }

    static func gbps(_ value: Double, _ source: String) -> Sourced<BytesPerSecond> {
        Sourced(value * 1e9, source: source)
    }

    static func tbps(_ value: Double, _ source: String) -> Sourced<BytesPerSecond> {
        Sourced(value * 1e12, source: source)
    }

    static func tflops(_ value: Double, _ source: String) -> Sourced<FlopsPerSecond> {
        Sourced(value * 1e12, source: source)
    }

    static func fraction(_ value: Double, _ source: String) -> Sourced<Fraction> {
        Sourced(value, source: source)
    }
}
