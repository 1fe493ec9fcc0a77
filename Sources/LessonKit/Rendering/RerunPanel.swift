/// "Rerun this lesson": the command that rebuilt the page, the same command with
/// every parameter spelled out as `--set` (edit any value and run it), the
/// effective parameters, and links to the lesson's source and its `results.json`.
/// Folded under the header, so the lesson's first sentence stays near the top.
struct RerunPanel {
    /// The command as the page was built (with its overrides, if any).
    var command: String
    /// `lessons run FILE` without overrides: the base of the spelled-out command.
    var baseCommand: String
    var parameters: [ResultsDocument.Parameter]
    /// Where the lesson lives, as readers know it (`Lessons/03-weighted-loss.md`).
    var sourcePath: String
    /// Site-relative links; nil: not published.
    var sourceLink: String?
    var resultsLink: String?
    var parametersPanel: TrustedHTML?

    /// The base command with `--set NAME=VALUE` for every parameter, one per line.
    var spelledOut: String {
        parameters.reduce(baseCommand) { $0 + " \\\n    --set " + Self.shellQuoted("\($1.name)=\($1.value)") }
    }

    func html() -> String {
        var out = "<details class=\"run-box\" id=\"run-it-yourself\"><summary><span class=\"run-title\">Rerun this lesson</span> "
        out += "<code>\(escapeHTML(command))</code></summary>\n"
        if !parameters.isEmpty {
            out += "<p>Every parameter spelled out: change any value and run it.</p>\n"
            out += "<pre tabindex=\"0\"><code>\(escapeHTML(spelledOut))</code></pre>\n"
        } else {
            out += "<pre tabindex=\"0\"><code>\(escapeHTML(command))</code></pre>\n"
        }
        out += "<p>Or change a value in <code>\(escapeHTML(sourcePath))</code>, run the command again, and reload this page.</p>\n"
        if let parametersPanel { out += parametersPanel.html + "\n" }
        var links: [String] = []
        if let sourceLink { links.append("<a href=\"\(escapeHTML(sourceLink))\">lesson source (.md)</a>") }
        if let resultsLink { links.append("<a href=\"\(escapeHTML(resultsLink))\">results.json</a>") }
        if !links.isEmpty { out += "<p class=\"page-files\">Files: " + links.joined(separator: " · ") + "</p>\n" }
        return out + "</details>\n"
    }

    /// `word` as one shell word: bare when it is plainly safe, else single-quoted.
    static func shellQuoted(_ word: String) -> String {
        let safe = word.unicodeScalars.allSatisfy { c in
            ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || "=._-+/:,".unicodeScalars.contains(c)
        }
        if safe, !word.isEmpty { return word }
        return "'" + word.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
