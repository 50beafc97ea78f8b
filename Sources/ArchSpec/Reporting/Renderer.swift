/// Turns one command's result into one output document.
///
/// Every command's output goes through a renderer: one type per output format, one file per renderer, under
/// `Reporting/<Result>/`. Renderers return strings; they never print or write files (the CLI picks the format
/// and writes the string).
public protocol Renderer<Subject>: Sendable {
    /// The result value this renderer reads.
    associatedtype Subject

    /// The whole output document for `subject`.
    func render(_ subject: Subject) -> String
}

/// Settings a renderer may read; each format's `renderer(_:)` takes what it needs.
public struct RenderOptions: Hashable, Sendable {
    /// Exact integers (and absolute differences) instead of human units, where the text format has both.
    public var exact: Bool
    /// archcalc's version, written into the documents that name their tool (lint JSON, SARIF).
    public var toolVersion: String

    public init(exact: Bool = false, toolVersion: String = "") {
        self.exact = exact
        self.toolVersion = toolVersion
    }
}

/// The output formats of one command: a closed set, each case with its renderer.
///
/// The CLI parses `--format` into one of these (unknown names are refused at parse time) and derives the help
/// text from `choices`, so a format exists only where it has a renderer.
public protocol ReportFormat: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {
    /// The result value every renderer of this set reads.
    associatedtype Subject

    /// This format's renderer.
    func renderer(_ options: RenderOptions) -> any Renderer<Subject>
}

extension ReportFormat {
    /// The names of every format, for help text: `text, json or markdown`.
    public static var choices: String {
        let names = allCases.map(\.rawValue)
        guard names.count > 1, let last = names.last else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " or " + last
    }

    /// The whole document for `subject` in this format.
    public func render(_ subject: Subject, _ options: RenderOptions = RenderOptions()) -> String {
        renderer(options).render(subject)
    }
}
