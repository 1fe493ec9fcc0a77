import CCmarkGFM
import Foundation

/// Math in prose: `$…$` inline and `$$…$$` display, found in cmark-gfm's text
/// nodes (so code spans, code blocks and link targets are never touched) and set
/// as MathML at build time.
///
/// Before rendering, each formula in the tree is replaced by a placeholder of
/// private-use characters (which cmark passes through unchanged); after
/// rendering, `substitute` puts the MathML in its place. The lesson's own text
/// never carries those characters (`sanitized` removes them), so a lesson cannot
/// forge a placeholder. Inline math follows Pandoc's rule: the opening `$` is
/// followed by a non-space, the closing `$` follows a non-space and is not
/// followed by a digit, so "$5 and $10" stays text.
final class ProseMath {
    static let open: Character = "\u{E000}"
    static let close: Character = "\u{E001}"

    /// One formula found in the prose.
    struct Formula: Equatable {
        var tex: String
        var display: Bool
        /// Where the formula starts in the .md file (the column is that of its `$`).
        var line = 0
        var column = 0
    }

    /// Checks every formula of a lesson: one outside the supported subset is an
    /// error at its place in the .md file, before anything runs.
    static func check(source: String, path: String) throws {
        let document = MarkdownDocument(markdown: sanitized(FrontMatter.blanked(source)))
        let math = ProseMath()
        math.prepare(document.root)
        for formula in math.formulas {
            do {
                _ = try TeXMath.mathML(formula.tex, display: formula.display)
            } catch let error as TeXMath.Error {
                // Inline: the column of the character at fault; display: where the paragraph starts.
                let column = formula.display ? formula.column : formula.column + 1 + error.offset
                throw LessonsError(Diagnostic(path: path, location: SourceLocation(line: formula.line, column: max(1, column)),
                                              message: "math: \(error.message) in '\(formula.tex.trimmingCharacters(in: .whitespacesAndNewlines))'"),
                                   source: source)
            }
        }
    }

    private(set) var formulas: [Formula] = []

    /// The Markdown without the placeholder characters.
    static func sanitized(_ markdown: String) -> String {
        String(markdown.filter { $0 != open && $0 != close })
    }

    /// Replaces every formula under `root` with a placeholder.
    func prepare(_ root: OpaquePointer) {
        walk(root)
    }

    /// The rendered HTML with each placeholder replaced by its MathML (or, for a
    /// formula outside the supported subset, the TeX as code with the reason).
    func substitute(in html: String) -> String {
        guard html.contains(Self.open) else { return html }
        var out = ""
        var rest = Substring(html)
        while let start = rest.firstIndex(of: Self.open), let end = rest[start...].firstIndex(of: Self.close) {
            out += rest[..<start]
            let number = Int(rest[rest.index(after: start)..<end]) ?? -1
            out += number >= 0 && number < formulas.count ? Self.markup(formulas[number], number: number + 1) : ""
            rest = rest[rest.index(after: end)...]
        }
        return out + rest
    }

    static func markup(_ formula: Formula, number: Int = 1) -> String {
        do {
            let math = try TeXMath.mathML(formula.tex, display: formula.display)
            // A wide formula scrolls inside its own focusable region on a phone.
            return formula.display
                ? "<span class=\"math-block\" tabindex=\"0\" role=\"region\" aria-label=\"Formula \(number)\">\(math)</span>" : math
        } catch {
            return "<code class=\"math-error\" title=\"\(escapeHTML(String(describing: error)))\">"
                + escapeHTML(formula.tex) + "</code>"
        }
    }

    // MARK: Walking the tree

    /// Depth-first, in document order (formulas are numbered in the order they are
    /// met), with an explicit stack: cmark nests blocks as deep as a lesson
    /// writes `>` or list markers, deeper than the call stack could follow.
    private func walk(_ root: OpaquePointer) {
        // The next child to visit at each open level.
        var cursors: [OpaquePointer?] = enter(root) ? [cmark_node_first_child(root)] : []
        while let last = cursors.last {
            guard let current = last else {
                cursors.removeLast()
                continue
            }
            cursors[cursors.count - 1] = cmark_node_next(current)
            if cmark_node_get_type(current) == CMARK_NODE_TEXT {
                let literal = MarkdownNode.literal(current)
                let replaced = replaceInline(literal, line: Self.line(of: current), column: Int(cmark_node_get_start_column(current)))
                if replaced != literal { cmark_node_set_literal(current, replaced) }
            } else if enter(current) {
                cursors.append(cmark_node_first_child(current))
            }
        }
    }

    /// Prepares a node's children; false when they hold no formula to look for.
    private func enter(_ node: OpaquePointer) -> Bool {
        let type = cmark_node_get_type(node)
        if type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_CODE || type == CMARK_NODE_HTML_BLOCK { return false }
        mergeTextChildren(of: node)
        return !(type == CMARK_NODE_PARAGRAPH && displayParagraph(node))
    }

    /// Adjacent text nodes become one (cmark splits text at characters such as
    /// `[` or `!`), so a formula is seen whole.
    private func mergeTextChildren(of node: OpaquePointer) {
        var child = cmark_node_first_child(node)
        while let current = child {
            var next = cmark_node_next(current)
            if cmark_node_get_type(current) == CMARK_NODE_TEXT {
                var literal = MarkdownNode.literal(current)
                var merged = false
                while let n = next, cmark_node_get_type(n) == CMARK_NODE_TEXT {
                    literal += MarkdownNode.literal(n)
                    let after = cmark_node_next(n)
                    cmark_node_unlink(n)
                    cmark_node_free(n)
                    next = after
                    merged = true
                }
                if merged { cmark_node_set_literal(current, literal) }
            }
            child = next
        }
    }

    /// A paragraph that is one `$$…$$` formula (over one or several lines)
    /// becomes one display placeholder.
    private func displayParagraph(_ paragraph: OpaquePointer) -> Bool {
        var text = ""
        var child = cmark_node_first_child(paragraph)
        var nodes: [OpaquePointer] = []
        while let current = child {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT: text += MarkdownNode.literal(current)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += "\n"
            default: return false
            }
            nodes.append(current)
            child = cmark_node_next(current)
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count > 4, trimmed.hasPrefix("$$"), trimmed.hasSuffix("$$"),
              !trimmed.dropFirst(2).dropLast(2).contains("$"), let first = nodes.first else { return false }
        cmark_node_set_literal(first, placeholder(Formula(tex: String(trimmed.dropFirst(2).dropLast(2)), display: true,
                                                          line: Self.line(of: paragraph),
                                                          column: Int(cmark_node_get_start_column(paragraph)))))
        for node in nodes.dropFirst() {
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        return true
    }

    private func placeholder(_ formula: Formula) -> String {
        formulas.append(formula)
        return "\(Self.open)\(formulas.count - 1)\(Self.close)"
    }

    /// A node's line, or its nearest ancestor's when cmark kept none for it.
    static func line(of node: OpaquePointer) -> Int {
        var current: OpaquePointer? = node
        while let n = current {
            let line = Int(cmark_node_get_start_line(n))
            if line > 0 { return line }
            current = cmark_node_parent(n)
        }
        return 1
    }

    /// `$…$` (and `$$…$$` within a line) in one text node starting at `line`:`column`.
    func replaceInline(_ text: String, line: Int = 0, column: Int = 0) -> String {
        guard text.contains("$") else { return text }
        let chars = Array(text)
        var out = ""
        var i = 0
        while i < chars.count {
            guard chars[i] == "$" else { out.append(chars[i]); i += 1; continue }
            let display = i + 1 < chars.count && chars[i + 1] == "$"
            let start = i + (display ? 2 : 1)
            if let end = closing(chars, from: start, display: display) {
                out += placeholder(Formula(tex: String(chars[start..<end]), display: display, line: line, column: column + i))
                i = end + (display ? 2 : 1)
            } else {
                out += display ? "$$" : "$"
                i = start
            }
        }
        return out
    }

    /// Index of the closing `$` (or `$$`) of a formula starting at `start`.
    private func closing(_ chars: [Character], from start: Int, display: Bool) -> Int? {
        guard start < chars.count, !chars[start].isWhitespace, chars[start] != "$" else { return nil }
        var j = start
        while j < chars.count {
            if chars[j] == "$" {
                if display {
                    if j + 1 < chars.count, chars[j + 1] == "$" { return j }
                } else {
                    let after = j + 1 < chars.count ? chars[j + 1] : " "
                    if !chars[j - 1].isWhitespace, !after.isNumber { return j }
                    return nil
                }
            }
            j += 1
        }
        return nil
    }
}
