import CYaml

/// The mutable state of one composition: the open collections, anchors and the expansion budget.
struct ComposerState {
    struct AnchorEntry {
        var node: YAMLNode
        /// Nodes the anchored subtree expands to.
        var weight: Int
        var location: SourceLocation
        var uses: Int
    }

    /// An open collection. A class, so appending to it mutates in place instead of copying its items.
    final class Frame {
        var mapping: MappingBuilder?
        var items: [YAMLNode] = []
        let tag: String?
        let anchor: String?
        let location: SourceLocation
        var weight = 1

        init(mapping: MappingBuilder?, tag: String?, anchor: String?, location: SourceLocation) {
            self.mapping = mapping
            self.tag = tag
            self.anchor = anchor
            self.location = location
        }
    }

    let limits: YAMLLimits
    var stack: [Frame] = []
    var anchors: [String: AnchorEntry] = [:]
    var anchorOrder: [String] = []
    var duplicates: [YAMLDocument.DuplicateKey] = []
    /// Nodes produced so far, aliases counted at their expanded size.
    var expandedNodes = 0
    var root: YAMLNode?
    var documents = 0

    init(limits: YAMLLimits) { self.limits = limits }

    mutating func run(_ parser: inout yaml_parser_t) throws(YAMLError) -> YAMLNode? {
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { throw Self.parserError(parser) }
            defer { yaml_event_delete(&event) }
            let location = SourceLocation(
                line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 { throw .multipleDocuments(location) }
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let node = YAMLNode.scalar(YAMLScalar(
                    value: Self.string(scalar.value, Int(scalar.length)),
                    style: Self.style(scalar.style), tag: Self.optionalString(scalar.tag), location: location))
                try emit(node, weight: 1, anchor: Self.optionalString(scalar.anchor), location: location)
            case YAML_ALIAS_EVENT:
                let name = Self.optionalString(event.data.alias.anchor) ?? ""
                guard var entry = anchors[name] else {
                    throw .syntax("undefined alias '\(name)'", location)
                }
                entry.uses += 1
                anchors[name] = entry
                try emit(entry.node, weight: entry.weight, anchor: nil, location: location)
            case YAML_SEQUENCE_START_EVENT:
                try push(location)
                let start = event.data.sequence_start
                stack.append(Frame(
                    mapping: nil, tag: Self.optionalString(start.tag), anchor: Self.optionalString(start.anchor),
                    location: location))
            case YAML_MAPPING_START_EVENT:
                try push(location)
                let start = event.data.mapping_start
                let tag = Self.optionalString(start.tag), anchor = Self.optionalString(start.anchor)
                stack.append(Frame(
                    mapping: MappingBuilder(tag: tag, anchor: anchor, location: location), tag: tag, anchor: anchor,
                    location: location))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                try close()
            default:
                break
            }
        }
    }

    private mutating func push(_ location: SourceLocation) throws(YAMLError) {
        guard stack.count < limits.maxDepth else { throw .tooDeep(limit: limits.maxDepth, location) }
        try count(1, at: location)
    }

    private mutating func count(_ weight: Int, at location: SourceLocation) throws(YAMLError) {
        expandedNodes += weight
        guard weight <= limits.maxNodes, expandedNodes <= limits.maxNodes else {
            throw .aliasExpansion(limit: limits.maxNodes, location)
        }
    }

    /// A scalar or an alias: counts its (expanded) weight, then attaches it.
    private mutating func emit(_ node: YAMLNode, weight: Int, anchor: String?, location: SourceLocation) throws(YAMLError) {
        try count(weight, at: location)
        if let anchor { register(anchor, node: node, weight: weight, location: location) }
        attach(node, weight: weight)
    }

    /// Closes the innermost collection; its nodes were already counted one by one.
    private mutating func close() throws(YAMLError) {
        guard let frame = stack.popLast() else { return }
        let weight = frame.mapping?.weight ?? frame.weight
        let node: YAMLNode = if let builder = frame.mapping {
            .mapping(builder.finish())
        } else {
            .sequence(YAMLSequence(items: frame.items, tag: frame.tag, location: frame.location))
        }
        if let anchor = frame.anchor { register(anchor, node: node, weight: weight, location: frame.location) }
        attach(node, weight: weight)
    }

    /// Adds a finished node to the open collection, or makes it the root.
    private mutating func attach(_ node: YAMLNode, weight: Int) {
        guard let parent = stack.last else {
            root = node
            return
        }
        if parent.mapping != nil {
            parent.mapping!.add(node, weight: weight, duplicates: &duplicates)
        } else {
            parent.items.append(node)
            parent.weight += weight
        }
    }

    private mutating func register(_ name: String, node: YAMLNode, weight: Int, location: SourceLocation) {
        if anchors[name] == nil { anchorOrder.append(name) }
        anchors[name] = AnchorEntry(node: node, weight: weight, location: location, uses: anchors[name]?.uses ?? 0)
    }
}
