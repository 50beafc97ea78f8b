/// The cost of one layer operation as the profile's two points give it: a fixed cost per call plus a cost per
/// element (from one row and `LayerOpsProbe.manyRows` rows), in cache or cold; nil when the profile lacks either
/// point.
public struct LayerOpCost: Hashable, Sendable {
    public var perCall: Double
    public var perElement: Double

    public init(perCall: Double, perElement: Double) {
        self.perCall = perCall
        self.perElement = perElement
    }

    /// - Parameter cold: Read the cold points (operands evicted before each call) instead of the in-cache ones.
    public init?(_ points: [LayerOpPoint], op: LayerOp, cold: Bool = false) {
        let mine = points.filter { $0.op == op && $0.rate.sustained > 0 && ($0.cold ?? false) == cold }
        guard let one = mine.min(by: { $0.rows < $1.rows }), let many = mine.max(by: { $0.rows < $1.rows }),
              many.rows > one.rows else { return nil }
        let e1 = Double(one.rows * one.width), e2 = Double(many.rows * many.width)
        let t1 = one.secondsPerCall, t2 = many.secondsPerCall
        perElement = max(0, (t2 - t1) / (e2 - e1))
        perCall = max(0, t1 - perElement * e1)
    }

    /// Seconds of `calls` calls over `elements` elements in all.
    public func seconds(calls: Int, elements: Int) -> Double {
        Double(max(0, calls)) * perCall + Double(max(0, elements)) * perElement
    }
}
