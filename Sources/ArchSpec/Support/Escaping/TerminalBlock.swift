extension Escaping {
    /// Makes a whole block of text safe for standard error or a log when it mixes fixed text with values this
    /// code does not control (argument-parser messages that quote an argument, errors from other layers).
    ///
    /// Line feeds are kept (the block's own line structure); every other unsafe scalar is shown escaped as in
    /// `terminal(_:)`, `##[` becomes `##\u{5b}`, and a line whose first non-blank characters are `::` gets its
    /// first colon written `\u{3a}`. Text that is already escaped passes through unchanged.
    public static func block(_ text: String) -> String {
        var result = ""
        var atLineStart = true
        var hashes = 0
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            defer { index = next }
            if scalar == "\n" {
                result.unicodeScalars.append(scalar)
                atLineStart = true
                hashes = 0
                continue
            }
            let escaped = isUnsafe(scalar)
                || (scalar == "[" && hashes >= 2)
                || (atLineStart && scalar == ":" && next != scalars.endIndex && scalars[next] == ":")
            hashes = scalar == "#" ? hashes + 1 : 0
            if escaped {
                result += visible(scalar)
                atLineStart = false
            } else {
                result.unicodeScalars.append(scalar)
                if !(atLineStart && scalar.properties.isWhitespace) { atLineStart = false }
            }
        }
        return result
    }
}
