extension CalibrationPlan {
    /// The plan for `archcalc calibrate`: the default sweep (unless `specOnly`), each spec's GEMM, GEMV and
    /// attention shapes, and its whole forward steps unless `timeSteps` is false.
    ///
    /// BLAS is counted in the plan only when a library loads (`SystemBLAS.load`), so `steps`, the progress
    /// total, matches the measurements that run.
    ///
    /// - Parameters:
    ///   - quick: Fewer shapes and samples, all threads only.
    ///   - maxThreads: The most threads to measure with.
    ///   - host: The machine (cache sizes for the STREAM arrays).
    ///   - specs: Specs whose shapes to add (`--spec`).
    ///   - specOnly: Measure only the specs' shapes (and bandwidth); ignored without specs.
    ///   - timeSteps: Time whole forward steps of each spec (the step surface).
    ///   - blasPath: A BLAS library to compare against; `nil` tries the system names.
    ///   - measureBLAS: Whether to look for a BLAS library at all.
    public static func make(
        quick: Bool, maxThreads: Int, host: HostInfo, specs: [ArchitectureSpec], specOnly: Bool, timeSteps: Bool,
        blasPath: String?, measureBLAS: Bool
    ) -> CalibrationPlan {
        let rows = quick ? [1, 8, 32, 64, 128, 256, 512] : [1, 2, 4, 8, 16, 32, 64, 128, 256, 512]
        let blasFound = measureBLAS && SystemBLAS.load(path: blasPath) != nil
        var plan = make(
            quick: quick, maxThreads: maxThreads, host: host,
            extraShapes: specs.flatMap { SpecShapes.gemm($0, rows: rows) }, gemvShapes: specs.flatMap(SpecShapes.gemv),
            extraAttention: specs.flatMap(SpecShapes.attentionLayouts), blasPath: blasPath, measureBLAS: blasFound,
            specOnly: specOnly && !specs.isEmpty)
        plan.stepSpecs = timeSteps ? specs : []
        plan.layerKindSpecs = specs
        return plan
    }
}
