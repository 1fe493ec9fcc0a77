/// Case folding as far as ASCII goes, for the portable modules (the ones in lessons.wasm).
/// `lowercased()` links Unicode's case tables into lessons.wasm (4 KB of its gzipped
/// bytes), and every name these modules compare with is ASCII: the API's members and
/// types, Fashion-MNIST's class names, the slugs of headings.
extension StringProtocol {
    /// The text as `lowercased()` gives it wherever that has an ASCII letter: A–Z, the
    /// Kelvin sign (to k) and capital I with a dot (to i and a combining dot). Every other
    /// character is kept, so the result equals an ASCII name exactly when `lowercased()` does.
    public var asciiLowercased: String {
        String(decoding: foldedASCIICapitals(Array(utf8)), as: UTF8.self)
    }
}

/// `asciiLowercased` on UTF-8 bytes, one function for every string type. The Kelvin sign
/// is E2 84 AA and İ is C4 B0; neither lead byte can be a continuation byte.
@inline(never)
func foldedASCIICapitals(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 1)
    var i = 0
    while i < bytes.count {
        let c = bytes[i]
        if c >= 0x41 && c <= 0x5A {
            out.append(c + 0x20); i += 1
        } else if c == 0xE2 && i + 2 < bytes.count && bytes[i + 1] == 0x84 && bytes[i + 2] == 0xAA {
            out.append(0x6B); i += 3
        } else if c == 0xC4 && i + 1 < bytes.count && bytes[i + 1] == 0xB0 {
            out.append(contentsOf: [0x69, 0xCC, 0x87]); i += 2
        } else {
            out.append(c); i += 1
        }
    }
    return out
}
