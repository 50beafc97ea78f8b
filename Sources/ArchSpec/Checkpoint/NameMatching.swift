#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-wise tests on tensor names: exact for any UTF-8, and free of Foundation's locale-aware search, which
/// cost a third of reading a 1,000-shard checkpoint.
extension String {
    func bytesContain(_ needle: String) -> Bool {
        var haystack = self, needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard n.count <= h.count else { return false }
                if n.isEmpty { return true }
                for start in 0...(h.count - n.count) where h[start] == n[0] {
                    var index = 1
                    while index < n.count, h[start + index] == n[index] { index += 1 }
                    if index == n.count { return true }
                }
                return false
            }
        }
    }

    func bytesHaveSuffix(_ suffix: String) -> Bool {
        var text = self, suffix = suffix
        return text.withUTF8 { t in
            suffix.withUTF8 { s in s.count <= t.count && (s.isEmpty || memcmp(t.baseAddress! + t.count - s.count, s.baseAddress!, s.count) == 0) }
        }
    }

    func bytesHavePrefix(_ prefix: String) -> Bool {
        var text = self, prefix = prefix
        return text.withUTF8 { t in
            prefix.withUTF8 { p in p.count <= t.count && (p.isEmpty || memcmp(t.baseAddress!, p.baseAddress!, p.count) == 0) }
        }
    }

    /// The name with every run of digits replaced by `#`: the tensors of all layers share one pattern.
    var digitPattern: String {
        var name = self
        return name.withUTF8 { bytes in
            // Written straight into the new string's storage: no intermediate array, no re-validation
            // (replacing ASCII digits keeps UTF-8 valid).
            String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0, inDigits = false
                for byte in bytes {
                    let digit = byte >= 0x30 && byte <= 0x39
                    if !digit || !inDigits {
                        out[count] = digit ? 0x23 : byte
                        count += 1
                    }
                    inDigits = digit
                }
                return count
            }
        }
    }

    /// The name in ASCII lowercase (tensor names are lowercase already; only then is no copy made).
    var asciiLowercased: String {
        guard utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return self }
        return String(decoding: utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
    }
}
