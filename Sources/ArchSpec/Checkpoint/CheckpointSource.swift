#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a checkpoint's tensors are: detected by content (the GGUF magic, a safetensors length prefix, an
/// index's `weight_map`), never by file name alone.
enum CheckpointSource {
    /// Safetensors files read in order (one file, or a directory's shards without an index).
    case safetensors([String])
    /// A `model.safetensors.index.json`.
    case index(String)
    case gguf(String)

    /// The source at `path`, `nil` when it is not a checkpoint (then it is read as a spec), or an error for a
    /// directory holding several GGUF files.
    static func detect(_ path: String) -> Result<CheckpointSource, CheckpointError>? {
        guard path != "-" else { return nil }
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        if info.st_mode & S_IFMT == S_IFDIR { return directory(path) }
        guard info.st_mode & S_IFMT == S_IFREG, let file = try? CheckpointFile(path: path),
              let prefix = try? file.read(min(16, file.size), at: 0) else { return nil }
        if GGUFReader.looksLike(prefix) { return .success(.gguf(path)) }
        if SafetensorsReader.looksLike(prefix) { return .success(.safetensors([path])) }
        // Too short or too damaged to tell by content: the name decides, so the reader names the problem.
        if path.hasSuffix(".gguf") { return .success(.gguf(path)) }
        if path.hasSuffix(".safetensors") { return .success(.safetensors([path])) }
        if prefix.first == UInt8(ascii: "{") || prefix.first == UInt8(ascii: " ") || prefix.first == 0x0A,
           let head = try? file.read(min(65_536, file.size), at: 0),
           contains(head, Array("\"weight_map\"".utf8)) {
            return .success(.index(path))
        }
        return nil
    }

    static func directory(_ path: String) -> Result<CheckpointSource, CheckpointError>? {
        let names = entries(path)
        if let index = names.first(where: { $0.hasSuffix(".safetensors.index.json") }) {
            return .success(.index(PathText.join(path, index)))
        }
        let shards = names.filter { $0.hasSuffix(".safetensors") }
        if !shards.isEmpty { return .success(.safetensors(shards.map { PathText.join(path, $0) })) }
        let ggufs = names.filter { $0.hasSuffix(".gguf") }
        if ggufs.count == 1 { return .success(.gguf(PathText.join(path, ggufs[0]))) }
        if ggufs.count > 1 {
            return .failure(CheckpointError(file: path, "directory holds \(ggufs.count) GGUF files (\(ggufs.prefix(3).map { Escaping.short($0) }.joined(separator: ", "))...): name one"))
        }
        return nil
    }

    /// Non-hidden names in a directory, sorted bytewise.
    static func entries(_ path: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if !name.hasPrefix(".") { names.append(name) }
            if names.count > 100_000 { break }
        }
        closedir(directory)
        return names.sorted(by: bytewiseLess)
    }

    /// Byte order of the UTF-8 forms (`memcmp`), as `ls` in the C locale sorts.
    static func bytewiseLess(_ first: String, _ second: String) -> Bool {
        var first = first, second = second
        return first.withUTF8 { a in
            second.withUTF8 { b in
                let common = min(a.count, b.count)
                let order = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
                return order != 0 ? order < 0 : a.count < b.count
            }
        }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<start + needle.count].elementsEqual(needle) { return true }
        }
        return false
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// Whether a regular file exists at `path`.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }
}
