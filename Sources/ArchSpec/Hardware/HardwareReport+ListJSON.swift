extension HardwareReport {
    /// Every profile as one JSON array, each element `json(_:)`'s object.
    public static func listJSON(_ profiles: [HardwareProfile]) -> String {
        let objects = profiles.map { profile -> Substring in
            var text = Substring(json(profile))
            while text.last == "\n" { text = text.dropLast() }
            return text
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }
}
