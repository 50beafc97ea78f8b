/// Rejects keys the schema does not know, naming the nearest valid key.
enum KeyCheck {
    static let sourced: Set<String> = ["value", "source"]
    static let rootKeys = Set(HardwareProfile.CodingKeys.allCases.map(\.rawValue))
    static let peakKeys: Set<String> = ["fp32", "tf32", "fp16", "bf16", "fp8", "int8", "int4", "fp4"]
    static let interconnectKeys: Set<String> = ["kind", "bandwidth", "latency"]
    static let efficiencyKeys = Set(Efficiency.CodingKeys.allCases.map(\.rawValue))
    static let curveKeys: Set<String> = ["operator", "points", "source"]
    static let stepTimeKeys = Set(StepTimeParameters.CodingKeys.allCases.map(\.rawValue))
    static let sourcedCurveKeys = Set(SourcedCurve.CodingKeys.allCases.map(\.rawValue))
    static let dtypeCurveKeys = Set(DTypeCurves.CodingKeys.allCases.map(\.rawValue))
    static let elementwiseOpKeys = Set(ElementwiseOpFigures.CodingKeys.allCases.map(\.rawValue))
    static let elementwiseFigureKeys = Set(ElementwiseFigures.CodingKeys.allCases.map(\.rawValue))

    static func check(_ root: YAMLNode, path: String) throws(HardwareError) {
        try keys(of: root, allowed: rootKeys, at: "", path: path)
        guard let mapping = root.mapping else { return }
        for key in ["memory", "memory_bandwidth", "reserve"] { try sourcedKeys(mapping[key], at: key, path: path) }
        if let peak = mapping["peak_flops"] {
            try keys(of: peak, allowed: peakKeys, at: "peak_flops", path: path)
            for entry in peak.mapping?.entries ?? [] {
                try sourcedKeys(entry.value, at: "peak_flops.\(entry.name ?? "")", path: path)
            }
        }
        if let link = mapping["interconnect"] {
            try keys(of: link, allowed: interconnectKeys, at: "interconnect", path: path)
            try sourcedKeys(link.mapping?["bandwidth"], at: "interconnect.bandwidth", path: path)
            try sourcedKeys(link.mapping?["latency"], at: "interconnect.latency", path: path)
        }
        if let efficiency = mapping["efficiency"] {
            try keys(of: efficiency, allowed: efficiencyKeys, at: "efficiency", path: path)
            for (index, curve) in (efficiency.mapping?["curves"]?.sequence?.items ?? []).enumerated() {
                try keys(of: curve, allowed: curveKeys, at: "efficiency.curves[\(index)]", path: path)
            }
        }
        if let step = mapping["step_time"] { try stepTime(step, path: path) }
    }

    static func stepTime(_ step: YAMLNode, path: String) throws(HardwareError) {
        try keys(of: step, allowed: stepTimeKeys, at: "step_time", path: path)
        for entry in step.mapping?.entries ?? [] {
            let (name, value) = (entry.name ?? "", entry.value)
            let at = "step_time.\(name)"
            switch name {
            case "gemm_compute", "gemm_bandwidth":
                try keys(of: value, allowed: dtypeCurveKeys, at: at, path: path)
                for curve in value.mapping?.entries ?? [] {
                    try keys(of: curve.value, allowed: sourcedCurveKeys, at: "\(at).\(curve.name ?? "")", path: path)
                }
            case "gemm_size", "attention_prefill", "attention_decode", "moe_bandwidth":
                try keys(of: value, allowed: sourcedCurveKeys, at: at, path: path)
            case "elementwise_ops":
                try keys(of: value, allowed: elementwiseOpKeys, at: at, path: path)
                for op in value.mapping?.entries ?? [] {
                    let opAt = "\(at).\(op.name ?? "")"
                    try keys(of: op.value, allowed: elementwiseFigureKeys, at: opAt, path: path)
                    for figure in op.value.mapping?.entries ?? [] {
                        try sourcedKeys(figure.value, at: "\(opAt).\(figure.name ?? "")", path: path)
                    }
                }
            case "launch":
                break
            default:
                try sourcedKeys(value, at: at, path: path)
            }
        }
    }

    static func sourcedKeys(_ node: YAMLNode?, at keyPath: String, path: String) throws(HardwareError) {
        guard let node, node.mapping != nil else { return }
        try keys(of: node, allowed: sourced, at: keyPath, path: path)
    }

    static func keys(of node: YAMLNode, allowed: Set<String>, at keyPath: String, path: String) throws(HardwareError) {
        guard let mapping = node.mapping else { return }
        for entry in mapping.entries {
            let (name, key) = (entry.name ?? "", entry.key)
            guard !allowed.contains(name) else { continue }
            let nearest = allowed.min { EditDistance.between(name, $0) < EditDistance.between(name, $1) } ?? ""
            let place = keyPath.isEmpty ? "" : " in \(keyPath)"
            throw .malformed(
                path: path, line: key.location.line, column: key.location.column,
                message: "unknown key '\(Escaping.short(name, limit: 40))'\(place); did you mean '\(nearest)'?")
        }
    }
}

/// Range checks on a decoded profile.
enum ProfileValidation {
    static func validate(_ profile: HardwareProfile, root: YAMLNode, path: String) throws(HardwareError) {
        func fail(_ key: String, _ message: String) throws(HardwareError) -> Never {
            let node = key.split(separator: ".").reduce(Optional(root)) { node, part in node?.mapping?[String(part)] }
            throw .invalid(path: path, line: node?.location.line, column: node?.location.column, message: "\(key): \(message)")
        }
        let idOK = !profile.id.isEmpty && profile.id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }
        if !idOK { try fail("id", "'\(Escaping.short(profile.id, limit: 40))' must be kebab-case (lowercase letters, digits and '-')") }
        if profile.memory.value < 1 { try fail("memory", "must be positive") }
        if profile.memory.value > 1e30 { try fail("memory", "\(profile.memory.value) bytes is beyond any device") }
        if profile.memoryBandwidth.value <= 0 { try fail("memory_bandwidth", "must be positive") }
        if profile.peakFlops.listed.allSatisfy({ $0.figure.value <= 0 }) {
            try fail("peak_flops", "give at least one positive figure (bf16, fp16 or fp32)")
        }
        if profile.interconnect.bandwidth.value <= 0 { try fail("interconnect.bandwidth", "must be positive") }
        if profile.devicesPerNode < 1 || profile.devicesPerNode > 1 << 20 {
            try fail("devices_per_node", "must be in 1...\(1 << 20)")
        }
        if let reserve = profile.reserve?.value, !(0..<1).contains(reserve) {
            try fail("reserve", "must be a fraction in [0, 1), got \(reserve)")
        }
        if let step = profile.stepTime { try StepTimeValidation.validate(step, fail: fail) }
        guard let efficiency = profile.efficiency else { return }
        for (key, figure) in [("compute", efficiency.compute), ("memory", efficiency.memory),
                              ("communication", efficiency.communication)] {
            if let value = figure?.value, !(value > 0 && value <= 1) {
                try fail("efficiency.\(key)", "must be a fraction in (0, 1], got \(value)")
            }
        }
        for curve in efficiency.curves {
            if curve.points.isEmpty { try fail("efficiency.curves", "a curve needs at least one point") }
            if zip(curve.points, curve.points.dropFirst()).contains(where: { $0.x >= $1.x }) {
                try fail("efficiency.curves", "\(curve.operator.rawValue) points must have increasing x")
            }
            if curve.points.contains(where: { !($0.y > 0 && $0.y <= 1) || $0.x <= 0 }) {
                try fail("efficiency.curves", "\(curve.operator.rawValue) points need x > 0 and y in (0, 1]")
            }
        }
    }
}
