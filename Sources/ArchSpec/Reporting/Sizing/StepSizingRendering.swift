/// The step surface's figures of `size --calibration` in each sizing format.
extension StepSizing {
    /// The estimate as text lines, or as a Markdown list (`markdown`), the profile's strings escaped for that sink.
    public static func text(_ e: StepSizingEstimate, markdown: Bool = false) -> String {
        func safe(_ text: String, limit: Int) -> String {
            markdown ? MarkdownEscaping.inline(Escaping.short(text, limit: limit)) : Escaping.short(text, limit: limit)
        }
        func line(_ name: String, _ f: StepSizingEstimate.Figure) -> String {
            let source = "\(f.source)\(f.extrapolated ? ", extrapolated" : "")"
            return (markdown ? "- " : "  ") + "\(name): \(HumanUnits.seconds(f.seconds)) "
                + (markdown ? "(\(source))" : "[\(source)]") + (f.reason.map { ": " + safe($0, limit: 200) } ?? "")
        }
        let threads = e.threads > 0 ? ", \(e.threads) thread\(e.threads == 1 ? "" : "s")" : ""
        return "\nthis host, measured (calibration \(safe(e.profile, limit: 60))\(threads)):\n" + (markdown ? "\n" : "")
            + line("prefill (time to first token)", e.prefill) + "\n" + line("decode step", e.decode) + "\n"
    }

    /// The estimate as the `calibration` member of the sizing JSON.
    public static func json(_ e: StepSizingEstimate) -> JSONValue {
        func figure(_ f: StepSizingEstimate.Figure) -> JSONValue {
            .object([("seconds", .double(f.seconds)), ("source", .string(f.source)), ("extrapolated", .bool(f.extrapolated)),
                     ("reason", f.reason.map { .string($0) } ?? .null)])
        }
        return .object([("profile", .string(e.profile)), ("threads", .int(e.threads)),
                        ("prefill", figure(e.prefill)), ("decode", figure(e.decode))])
    }
}
