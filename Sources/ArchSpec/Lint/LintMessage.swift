/// Typed factories for the message shapes several rules share: lowercase, no trailing period, values named.
enum LintMessage {
    /// `attention.heads 40 is not divisible by tensor-parallel degree 3 (--tp)`.
    static func notDivisible(_ path: String, _ value: Int, by divisor: String) -> String {
        "\(path) \(value) is not divisible by \(divisor)"
    }

    /// `vocab_size 50257 is not a multiple of 64; pad it to 50304`.
    static func notMultiple(_ path: String, _ value: Int, of multiple: Int, why: String = "") -> String {
        let padded = paddedUp(value, to: multiple)
        let tail = padded.map { "; pad it to \($0)" } ?? ""
        return "\(path) \(value) is not a multiple of \(multiple)\(why)\(tail)"
    }

    /// `value` rounded up to a multiple of `multiple`, or `nil` on overflow or a bad multiple.
    static func paddedUp(_ value: Int, to multiple: Int) -> Int? {
        guard multiple > 0, value >= 0 else { return nil }
        let remainder = value % multiple
        if remainder == 0 { return value }
        let (sum, overflow) = value.addingReportingOverflow(multiple - remainder)
        return overflow ? nil : sum
    }

    /// Nearest multiple of `multiple` to `value` (ties round down), for "did you mean" hints.
    static func nearestMultiple(_ value: Int, of multiple: Int) -> Int? {
        guard multiple > 0, value > 0 else { return nil }
        let down = value - value % multiple
        guard let up = paddedUp(value, to: multiple) else { return down > 0 ? down : nil }
        if down == 0 { return up }
        return value - down <= up - value ? down : up
    }
}
