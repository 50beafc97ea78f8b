extension StringProtocol {
    /// Every occurrence of one character replaced with a string (no Foundation).
    func replacingAll(_ character: Character, with replacement: String) -> String {
        var result = ""
        for current in self {
            if current == character { result += replacement } else { result.append(current) }
        }
        return result
    }
}
