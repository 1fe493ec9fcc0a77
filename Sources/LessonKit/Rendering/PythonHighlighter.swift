/// Python code (the Keras, PyTorch and scikit-learn blocks lessons show) to HTML, with
/// the classes `SwiftHighlighter` uses, so both languages read alike: `kw` keywords,
/// `ty` capitalised names (`BinaryCrossentropy`), `num` and `str` literals, `cm` comments.
/// A plain scanner: it never fails, and text it does not know stays uncoloured.
public enum PythonHighlighter {
    static let keywords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
        "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]

    public static func html(for code: String) -> String {
        let c = Array(code.unicodeScalars)
        var out = "", i = 0
        func span(_ cls: String, _ from: Int, _ to: Int) {
            out += "<span class=\"\(cls)\">" + escapeHTML(text(c, from, to)) + "</span>"
        }
        while i < c.count {
            let ch = c[i]
            if ch == "#" {
                var j = i
                while j < c.count, c[j] != "\n" { j += 1 }
                span("cm", i, j); i = j
            } else if ch == "\"" || ch == "'" {
                let j = stringEnd(c, from: i)
                span("str", i, j); i = j
            } else if isDigit(ch), i == 0 || !isWord(c[i - 1]) {
                var j = i
                while j < c.count, isWord(c[j]) || c[j] == "." || ((c[j] == "+" || c[j] == "-") && "eE".unicodeScalars.contains(c[j - 1])) { j += 1 }
                span("num", i, j); i = j
            } else if isWord(ch) {
                var j = i
                while j < c.count, isWord(c[j]) { j += 1 }
                let word = text(c, i, j)
                // A string prefix (f"…", rb'…') belongs to the string.
                if j < c.count, c[j] == "\"" || c[j] == "'", word.count <= 2,
                   word.lowercased().allSatisfy({ "rbfu".contains($0) }) {
                    let k = stringEnd(c, from: j)
                    span("str", i, k); i = k; continue
                }
                if keywords.contains(word) { span("kw", i, j) }
                else if word.first?.isUppercase == true { span("ty", i, j) }
                else { out += escapeHTML(word) }
                i = j
            } else {
                out += escapeHTML(String(ch)); i += 1
            }
        }
        return out
    }

    /// The index just past the string literal opening at `start` (single or triple
    /// quoted, backslash escapes skipped); an unclosed one ends at the line's (or for a
    /// triple-quoted one, the code's) end.
    private static func stringEnd(_ c: [Unicode.Scalar], from start: Int) -> Int {
        let q = c[start]
        let triple = start + 2 < c.count && c[start + 1] == q && c[start + 2] == q
        var j = start + (triple ? 3 : 1)
        while j < c.count {
            if c[j] == "\\" { j += 2; continue }
            if !triple, c[j] == "\n" { return j }
            if c[j] == q {
                if !triple { return j + 1 }
                if j + 2 < c.count, c[j + 1] == q, c[j + 2] == q { return j + 3 }
            }
            j += 1
        }
        return c.count
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool { s >= "0" && s <= "9" }
    private static func isWord(_ s: Unicode.Scalar) -> Bool {
        isDigit(s) || (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || s == "_" || s.value > 127 && s.properties.isAlphabetic
    }
    private static func text(_ c: [Unicode.Scalar], _ from: Int, _ to: Int) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: c[from..<min(to, c.count)])
        return String(s)
    }
}
