/// The checkpoint part of `estimate`'s reports: a text block and a JSON object, every count exact.
public enum CheckpointRendering {
    /// A readable block: parameters per group, stored elements per dtype, overhead, buffers, copies.
    public static func text(_ s: CheckpointSummary) -> String {
        var rows: [[String]] = []
        func row(_ label: String, _ value: Int128, bytes: Int128, _ note: String = "") {
            rows.append([label, HumanUnits.count(value), HumanUnits.grouped(value), HumanUnits.bytes(bytes), note])
        }
        row("Parameters", s.parameters, bytes: s.weightBytes,
            s.bitsPerWeight.map { "\(HumanUnits.fixed($0, decimals: 2)) bits per weight, overhead included" } ?? "")
        for group in TensorGroup.allCases {
            guard let part = s.groups[group] else { continue }
            row("  \(group.rawValue)", part.elements, bytes: part.bytes, "\(plural(part.tensors, "tensor"))")
        }
        for (label, part) in s.dtypes.sorted(by: { $0.key < $1.key }) {
            row("Stored \(Escaping.short(label, limit: 20))", part.elements, bytes: part.bytes, "elements in \(plural(part.tensors, "tensor"))")
        }
        if s.packings.count > 1 || s.packings.keys.first.map({ $0 != Packing.none.rawValue }) == true {
            for (label, part) in s.packings.sorted(by: { $0.key < $1.key }) {
                let bits = part.elements > 0 ? Double(part.bytes * 8) / Double(part.elements) : 0
                row("Packed \(Escaping.short(label, limit: 24))", part.elements, bytes: part.bytes,
                    "weights, \(HumanUnits.fixed(bits, decimals: 2)) bits each before overhead")
            }
        }
        if s.overhead.tensors > 0 { row("Quantisation overhead", s.overhead.elements, bytes: s.overhead.bytes, "scales and zero points, not parameters: " + names(s.overhead)) }
        if s.buffers.tensors > 0 { row("Buffers", s.buffers.elements, bytes: s.buffers.bytes, "not parameters: " + names(s.buffers)) }
        if s.tiedCopies.tensors > 0 { row("Tied copies", s.tiedCopies.elements, bytes: s.tiedCopies.bytes, "counted once: " + names(s.tiedCopies)) }
        let body = TextTable(columns: [.left, .right, .right, .right, .left], rows: rows).lines.joined(separator: "\n")
        var title = "Checkpoint: \(s.format.rawValue), \(plural(s.files.count, "file")), \(HumanUnits.bytes(s.bytesOnDisk)) on disk"
            + " (\(HumanUnits.grouped(s.bytesOnDisk)) bytes), \(plural(s.tensorCount, "tensor"))"
        if let arch = s.architecture { title += ", architecture \(Escaping.short(arch))" }
        var lines = [title, body]
        if let total = s.indexTotalSize {
            lines.append("index metadata.total_size: \(HumanUnits.grouped(total)) bytes of tensor data (not parameters)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func names(_ part: CheckpointSummary.Part) -> String {
        part.examples.map { Escaping.short($0, limit: 80) }.joined(separator: ", ") + (part.tensors > part.examples.count ? ", ..." : "")
    }

    static func partJSON(_ part: CheckpointSummary.Part) -> JSONValue {
        .object([("tensors", .int(part.tensors)), ("elements", .int(part.elements)), ("bytes", .int(part.bytes)),
                 ("examples", .array(part.examples.map { .string($0) }))])
    }

    /// The JSON object: exact integers, groups and dtypes as objects keyed by name.
    public static func json(_ s: CheckpointSummary) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("path", .string(s.path)), ("format", .string(s.format.rawValue)),
            ("files", .array(s.files.map { .string($0) })), ("bytes_on_disk", .int(s.bytesOnDisk)),
            ("tensors", .int(s.tensorCount)), ("parameters", .int(s.parameters)), ("weight_bytes", .int(s.weightBytes)),
            ("bits_per_weight", s.bitsPerWeight.map { .double($0) } ?? .null),
            ("groups", .object(TensorGroup.allCases.compactMap { g in s.groups[g].map { (g.rawValue, partJSON($0)) } })),
            ("dtypes", .object(s.dtypes.sorted { $0.key < $1.key }.map { ($0.key, partJSON($0.value)) })),
            ("packings", .object(s.packings.sorted { $0.key < $1.key }.map { ($0.key, partJSON($0.value)) })),
            ("quantization_overhead", partJSON(s.overhead)), ("buffers", partJSON(s.buffers)),
            ("tied_copies", partJSON(s.tiedCopies)),
            ("architecture", s.architecture.map { .string($0) } ?? .null),
            ("index_total_size_bytes", s.indexTotalSize.map { .int($0) } ?? .null),
        ]
        if let q = s.quantization {
            members.append(("quantization", .object([
                ("method", q.method.map { .string($0) } ?? .null), ("bits", q.bits.map { .int($0) } ?? .null),
                ("group_size", q.groupSize.map { .int($0) } ?? .null),
            ])))
        }
        return .object(members)
    }
}
