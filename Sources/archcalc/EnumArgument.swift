import ArgumentParser

/// An option value that is a closed set of spellings (a `String` enum): its values and default are listed from
/// `rawValue` directly.
///
/// argument-parser's defaults describe each case with `String(describing:)`, and each new type described
/// that way costs the Swift runtime a scan of every protocol conformance in the process (Foundation's
/// included) before `main` does any work: about 8 M of the 55 M instructions of `archcalc estimate` at start-up
/// (callgrind, docs/startup.md).
protocol EnumArgument: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension EnumArgument {
    public static var allValueStrings: [String] { allCases.map { $0.rawValue } }
    public var defaultValueDescription: String { rawValue }
}
