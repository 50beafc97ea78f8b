/// Builds SVG text: elements with attributes and text escaped by the XML sink, numbers with two decimals.
struct SVGWriter {
    private(set) var body: [String] = []
    let width: Double
    let height: Double

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    mutating func element(_ name: String, _ attributes: [(String, String)], text: String? = nil) {
        let attrs = attributes.map { " \($0.0)=\"\(XMLEscaping.attribute($0.1))\"" }.joined()
        if let text {
            body.append("<\(name)\(attrs)>\(XMLEscaping.text(text))</\(name)>")
        } else {
            body.append("<\(name)\(attrs)/>")
        }
    }

    mutating func raw(_ text: String) { body.append(text) }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1,
                       dash: String? = nil, id: String? = nil) {
        var attributes = [("x1", Self.n(x1)), ("y1", Self.n(y1)), ("x2", Self.n(x2)), ("y2", Self.n(y2)),
                          ("stroke", stroke), ("stroke-width", Self.n(width))]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        if let id { attributes.insert(("id", id), at: 0) }
        element("line", attributes)
    }

    mutating func text(_ x: Double, _ y: Double, _ content: String, size: Double = 12, anchor: String = "start",
                       rotate: Bool = false, weight: String = "normal") {
        var attributes = [("x", Self.n(x)), ("y", Self.n(y)), ("font-size", Self.n(size)), ("text-anchor", anchor),
                          ("font-family", "sans-serif"), ("font-weight", weight)]
        if rotate { attributes.append(("transform", "rotate(-90 \(Self.n(x)) \(Self.n(y)))")) }
        element("text", attributes, text: content)
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2, dash: String? = nil,
                           id: String, label: String, clip: String? = nil) {
        var attributes = [("id", id), ("data-series", label), ("fill", "none"), ("stroke", stroke),
                          ("stroke-width", Self.n(width)),
                          ("points", points.map { "\(Self.n($0.0)),\(Self.n($0.1))" }.joined(separator: " "))]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        if let clip { attributes.append(("clip-path", "url(#\(clip))")) }
        element("polyline", attributes)
    }

    var document: String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" "
            + "viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\">\n"
            + "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
            + body.joined(separator: "\n") + "\n</svg>\n"
    }

    static func n(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        return HumanUnits.fixed(value, decimals: 2)
    }
}
