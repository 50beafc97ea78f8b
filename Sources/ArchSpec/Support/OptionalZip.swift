/// Both values when neither is `nil`: `if let (a, b) = zip(x, y)`.
func zip<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
