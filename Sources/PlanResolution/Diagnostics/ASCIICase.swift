extension StringProtocol {
    /// The text with the ASCII capitals A–Z made small and every other byte
    /// kept: the case folding of "did you mean" and of the API's type names,
    /// which are ASCII. Not `lowercased()`: that links Unicode's case tables
    /// into lessons.wasm (4 KB of its gzipped bytes).
    var asciiLowercased: String {
        String(decoding: utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
    }
}
