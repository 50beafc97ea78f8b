extension StringProtocol {
    /// The text without leading and trailing blanks: tabs and Unicode space separators (category Zs), the set
    /// Foundation's `trimmingCharacters(in: .whitespaces)` trims, compared by Unicode scalar as it does.
    public func trimmingBlanks() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isBlank($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isBlank($0) }) ?? first
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}

/// A tab or a space separator (U+0020, U+00A0, U+1680, U+2000-U+200A, U+202F, U+205F, U+3000).
private func isBlank(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
}
