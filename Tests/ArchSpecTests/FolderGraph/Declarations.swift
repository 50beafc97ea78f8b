/// Which unit declares each name visible outside its file, and the references a file's tokens make to them.
struct Declarations {
    /// Top-level names (types, functions, constants, typealiases) to the units declaring them.
    var owners: [String: Set<String>] = [:]
    /// `Type.member` declared by an `extension Type` in a unit other than the type's own, to those units.
    var extensionMembers: [String: Set<String>] = [:]

    static let declarationKeywords: Set<String> = [
        "struct", "enum", "class", "protocol", "actor", "typealias", "func", "let", "var", "extension",
    ]
    static let memberKeywords: Set<String> = ["func", "var", "let", "case"]
    /// Tokens after which an identifier is a name being declared or a member, not a reference.
    static let declaringKeywords: Set<String> = [
        "struct", "enum", "class", "protocol", "actor", "typealias", "func", "let", "var", "case", "associatedtype",
        "import",
    ]

    /// Records the declarations of one file.
    mutating func collect(_ tokens: [SwiftTokens.Token], unit: String) {
        var extended: String?
        for (index, token) in tokens.enumerated() where token.isIdentifier {
            guard index + 1 < tokens.count, tokens[index + 1].isIdentifier else { continue }
            let name = tokens[index + 1].text
            if token.depth == 0 {
                guard Self.declarationKeywords.contains(token.text) else { continue }
                extended = nil
                guard !Self.isFilePrivate(tokens, at: index) else { continue }
                if token.text == "extension" {
                    extended = name
                } else {
                    owners[name, default: []].insert(unit)
                }
            } else if token.depth == 1, let type = extended, Self.memberKeywords.contains(token.text),
                      !Self.isFilePrivate(tokens, at: index) {
                extensionMembers[type + "." + name, default: []].insert(unit)
            }
        }
        // A member an extension adds in the type's own unit is not a dependency on anyone.
        for (key, units) in extensionMembers {
            let type = String(key.prefix { $0 != "." })
            extensionMembers[key] = units.subtracting(owners[type] ?? [])
        }
    }

    /// Whether the declaration starting at `index` has `private` or `fileprivate` among its modifiers (on its line).
    static func isFilePrivate(_ tokens: [SwiftTokens.Token], at index: Int) -> Bool {
        var back = index - 1
        while back >= 0, tokens[back].line == tokens[index].line {
            if tokens[back].text == "private" || tokens[back].text == "fileprivate" { return true }
            back -= 1
        }
        return false
    }

    /// The units (other than `unit`) that the file's identifiers name, each with its first evidence.
    func references(in tokens: [SwiftTokens.Token], unit: String, file: String) -> [(String, FolderGraph.Evidence)] {
        var found: [(String, FolderGraph.Evidence)] = []
        // Types the file declares itself, nested ones included (`TextTable.Alignment`), shadow other folders' names.
        let typeKeywords: Set<String> = ["struct", "enum", "class", "protocol", "actor", "typealias"]
        let local = Set(tokens.indices.dropLast().filter { tokens[$0].isIdentifier && typeKeywords.contains(tokens[$0].text) }
            .map { tokens[$0 + 1].text })
        for (index, token) in tokens.enumerated() where token.isIdentifier {
            let previous = index > 0 ? tokens[index - 1] : nil
            let next = index + 1 < tokens.count ? tokens[index + 1] : nil
            if previous?.text == "." {
                guard index >= 2, tokens[index - 2].isIdentifier,
                      let units = extensionMembers[tokens[index - 2].text + "." + token.text] else { continue }
                for other in units where other != unit {
                    found.append((other, .init(name: tokens[index - 2].text + "." + token.text, file: file, line: token.line)))
                }
                continue
            }
            if let previous, previous.isIdentifier, Self.declaringKeywords.contains(previous.text) { continue }
            if next?.text == ":" { continue }  // an argument label or a parameter name
            guard !local.contains(token.text), let owners = owners[token.text], !owners.contains(unit) else { continue }
            for other in owners {
                found.append((other, .init(name: token.text, file: file, line: token.line)))
            }
        }
        return found
    }
}
