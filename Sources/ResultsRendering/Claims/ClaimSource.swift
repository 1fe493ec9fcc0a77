/// Reading a claim's source text as the page needs it, by hand (Embedded Swift has
/// no `Regex`): what it reads, and where a narrow screen may break it.
enum ClaimSource {
    /// Every `results["run"].name` or `.name("label")`, left to right, strings as written
    /// (escapes kept): what `/results\["((?:[^"\\]|\\.)*)"\]\.([A-Za-z0-9_]+)(?:\("((?:[^"\\]|\\.)*)"\))?/` matches;
    /// `.name(atEpoch: 10)` gives the epoch (an epoch not written as a number is left out).
    static func references(in source: String) -> [(run: String, name: String, label: String?, epoch: Int?)] {
        let c = Array(source)
        var found: [(run: String, name: String, label: String?, epoch: Int?)] = []
        var i = 0
        while i < c.count {
            if let (reference, end) = reference(c, at: i) {
                found.append(reference)
                i = end
            } else {
                i += 1
            }
        }
        return found
    }

    private static let prefix = Array("results[")

    private static func reference(_ c: [Character], at start: Int) -> ((run: String, name: String, label: String?, epoch: Int?), Int)? {
        guard start + prefix.count <= c.count, Array(c[start..<start + prefix.count]) == prefix,
              let (run, afterRun) = quoted(c, at: start + prefix.count),
              afterRun + 1 < c.count, c[afterRun] == "]", c[afterRun + 1] == "." else { return nil }
        var end = afterRun + 2
        while end < c.count, isWordCharacter(c[end]) { end += 1 }
        guard end > afterRun + 2 else { return nil }
        let name = String(c[(afterRun + 2)..<end])
        if end < c.count, c[end] == "(", let (label, afterLabel) = quoted(c, at: end + 1),
           afterLabel < c.count, c[afterLabel] == ")" {
            return ((run, name, label, nil), afterLabel + 1)
        }
        if end < c.count, c[end] == "(" {
            let argument = String(c[(end + 1)...].prefix { $0 != ")" })
            if argument.hasPrefix("atEpoch:") {
                guard end + 1 + argument.count < c.count, let epoch = Int(argument.dropFirst(8).filter { $0 != " " }) else { return nil }
                return ((run, name, nil, epoch), end + 2 + argument.count)
            }
        }
        return ((run, name, nil, nil), end)
    }

    /// The text of a string literal starting at `start` and the index after its closing quote.
    private static func quoted(_ c: [Character], at start: Int) -> (String, Int)? {
        guard start < c.count, c[start] == "\"" else { return nil }
        var text = ""
        var i = start + 1
        while i < c.count {
            switch c[i] {
            case "\"": return (text, i + 1)
            case "\\":
                guard i + 1 < c.count, !c[i + 1].isNewline else { return nil }
                text.append(c[i])
                text.append(c[i + 1])
                i += 2
            default:
                text.append(c[i])
                i += 1
            }
        }
        return nil
    }

    private static func isWordCharacter(_ c: Character) -> Bool {
        guard c.unicodeScalars.count == 1, let s = c.unicodeScalars.first else { return false }
        return ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "_"
    }

    private static func isLetter(_ c: Character) -> Bool {
        guard c.unicodeScalars.count == 1, let s = c.unicodeScalars.first else { return false }
        return ("a"..."z").contains(s) || ("A"..."Z").contains(s)
    }

    /// `text` with `<wbr>` before each `.` that a letter follows (a member access):
    /// what `replacing(/\.(?=[A-Za-z])/, with: "<wbr>.")` gives.
    static func breakingBeforeMembers(_ text: String) -> String {
        let c = Array(text)
        var out = ""
        for (i, character) in c.enumerated() {
            if character == ".", i + 1 < c.count, isLetter(c[i + 1]) { out += "<wbr>" }
            out.append(character)
        }
        return out
    }
}
