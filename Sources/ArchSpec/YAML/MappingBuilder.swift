/// Collects a mapping's keys and values while it is open; applies merge keys (`<<`) when it closes.
struct MappingBuilder {
    let tag: String?
    let anchor: String?
    let location: SourceLocation
    var pendingKey: YAMLNode?
    var entries: [YAMLMapping.Entry] = []
    var merges: [YAMLNode] = []
    var seen: [String: SourceLocation] = [:]
    /// Nodes in this mapping after alias expansion, itself included.
    var weight = 1

    init(tag: String?, anchor: String?, location: SourceLocation) {
        self.tag = tag
        self.anchor = anchor
        self.location = location
    }

    mutating func add(_ node: YAMLNode, weight: Int, duplicates: inout [YAMLDocument.DuplicateKey]) {
        self.weight += weight
        guard let key = pendingKey else {
            pendingKey = node
            return
        }
        pendingKey = nil
        if let scalar = key.scalar, scalar.value == "<<", !scalar.isQuoted {
            merges.append(node)
            return
        }
        if let name = key.scalar?.value {
            if let first = seen[name] {
                duplicates.append(.init(key: name, first: first, duplicate: key.location))
                return
            }
            seen[name] = key.location
        }
        entries.append(YAMLMapping.Entry(key: key, value: node))
    }

    /// The finished mapping: explicit keys first, then merged keys not written explicitly (earlier merges win).
    func finish() -> YAMLMapping {
        var result = entries
        var present = Set(seen.keys)
        for merge in merges {
            let sources: [YAMLNode] = if case .sequence(let list) = merge { list.items } else { [merge] }
            for source in sources {
                guard case .mapping(let mapping) = source else { continue }
                for entry in mapping.entries {
                    guard let name = entry.name, !present.contains(name) else { continue }
                    present.insert(name)
                    result.append(entry)
                }
            }
        }
        return YAMLMapping(entries: result, tag: tag, location: location)
    }
}
