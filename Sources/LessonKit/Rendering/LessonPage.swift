/// Renders one lesson to a complete HTML page.
///
/// Prose comes from cmark-gfm (safe mode: raw HTML is dropped), code blocks are
/// escaped and highlighted here, and the runner's fragments (`PageExtras`) go
/// right after the block they belong to.
public struct LessonPage {
    public var lesson: Lesson
    /// This lesson's place in the course (id, title) and its neighbours.
    public var entry: CourseEntry
    public var previous: CourseEntry?
    public var next: CourseEntry?
    /// Where the lesson lives, as shown to readers (e.g. `Lessons/03-weighted-loss.md`).
    public var sourcePath: String
    /// The command that reruns this lesson (e.g. `lessons run 03-weighted-loss.md`).
    public var runCommand: String
    public var extras: PageExtras

    public init(lesson: Lesson, entry: CourseEntry, previous: CourseEntry? = nil, next: CourseEntry? = nil,
                sourcePath: String, runCommand: String, extras: PageExtras = PageExtras()) {
        self.lesson = lesson
        self.entry = entry
        self.previous = previous
        self.next = next
        self.sourcePath = sourcePath
        self.runCommand = runCommand
        self.extras = extras
    }

    public func render() -> String {
        let command = extras.runCommand ?? runCommand
        var main = "<article class=\"page lesson\">\n<header class=\"lesson-header\">\n"
        if let number = entry.number {
            main += "<p class=\"lesson-number\">Lesson \(escapeHTML(number))</p>\n"
        }
        main += "<h1>\(escapeHTML(lesson.meta.title))</h1>\n"
        if let summary = lesson.meta.summary {
            main += "<p class=\"summary\">\(escapeHTML(summary))</p>\n"
        }
        if let status = extras.status ?? entry.status {
            main += "<p class=\"status\">\(status.badgeHTML)</p>\n"
        }
        main += "</header>\n" + tableOfContents()
        let fileName = sourcePath.split(separator: "/").last.map(String.init) ?? sourcePath
        main += RerunPanel(command: command, baseCommand: runCommand, parameters: extras.parameters, sourcePath: sourcePath,
                           sourceLink: "\(entry.id)/\(fileName)",
                           resultsLink: extras.files["results.json"] == nil ? nil : "\(entry.id)/results.json",
                           parametersPanel: extras.parametersPanel).html()
        if rerunsInBrowser {
            main += BrowserRerunPanel(lessonID: entry.id, fileName: fileName, parameters: extras.parameters).html()
        }
        main += "<div class=\"lesson-body\">\n" + body() + "</div>\n</article>\n" + pager()
        let footer = "<p>Rendered by <code>lessons</code> from <code>\(escapeHTML(sourcePath))</code>.</p>"
        return PageTemplate.page(title: lesson.meta.title, description: lesson.meta.summary,
                                 bodyClass: "lesson-page", main: main, footer: footer,
                                 sourceDigest: SHA256.hex(lesson.source),
                                 scripts: rerunsInBrowser ? [BrowserRerunPanel.scriptPath] : [])
    }

    /// A page with published results and a plan can rerun in the reader's browser.
    private var rerunsInBrowser: Bool {
        extras.files["results.json"] != nil && extras.files["plan.json"] != nil && extras.files[BrowserRerunPanel.dataFileName] != nil
    }

    // MARK: Body

    /// Walks cmark-gfm's top-level nodes in order: prose nodes render through
    /// cmark-gfm, code blocks through `codeBlock`, each followed by its extras.
    private func body() -> String {
        let document = MarkdownDocument(markdown: ProseMath.sanitized(FrontMatter.blanked(lesson.source)))
        let math = ProseMath()
        math.prepare(document.root)
        var html = ""
        var openProse: Int?
        var skippedTitle = false

        func closeProse() {
            guard let index = openProse else { return }
            html += "</div>\n" + fragment(after: index)
            openProse = nil
        }

        for node in document.topLevelNodes {
            let line = MarkdownNode.startLine(node)
            guard let index = lesson.blocks.firstIndex(where: { $0.startLine <= line && line <= $0.endLine })
            else { continue }
            if MarkdownNode.type(node) == "code_block" {
                closeProse()
                html += codeBlock(lesson.blocks[index], index: index) + fragment(after: index)
                continue
            }
            if openProse != index {
                closeProse()
                html += "<div class=\"prose\" id=\"block-\(index)\">\n"
                openProse = index
            }
            if MarkdownNode.type(node) == "heading", let heading = lesson.headings.first(where: { $0.line == line }) {
                // The page header already shows the title; don't repeat the first `#` heading.
                if !skippedTitle, heading.level == 1, heading.text == lesson.meta.title {
                    skippedTitle = true
                    continue
                }
                html += headingHTML(math.substitute(in: document.html(of: node)), heading)
            } else {
                html += ProseHTML.finish(math.substitute(in: document.html(of: node)), type: MarkdownNode.type(node),
                                         references: extras.references)
            }
        }
        closeProse()
        return html
    }

    /// The results after block `index`, in a wrapper with a stable id: the browser
    /// rerun swaps its content for the re-rendered fragment (the same bytes as here).
    private func fragment(after index: Int) -> String {
        extras.afterBlock[index].map {
            "<div class=\"block-results\" id=\"\(BrowserRerunPanel.resultsID(block: index))\">\($0.html)</div>\n"
        } ?? ""
    }

    /// cmark-gfm writes `<h2>…</h2>`; give it its stable id and a link to itself.
    private func headingHTML(_ rendered: String, _ heading: Heading) -> String {
        let open = "<h\(heading.level)"
        guard rendered.hasPrefix(open + ">") else { return rendered }
        let id = escapeHTML(heading.id)
        let close = "</h\(heading.level)>"
        var inner = rendered.dropFirst(open.count + 1)
        if let range = inner.range(of: close, options: .backwards) { inner = inner[..<range.lowerBound] }
        return "\(open) id=\"\(id)\">\(inner) <a class=\"anchor\" href=\"#\(id)\" aria-label=\"Link to this section\">#</a>\(close)\n"
    }

    private func codeBlock(_ block: LessonBlock, index: Int) -> String {
        let language: String
        switch block.kind {
        case .code(let name): language = name
        default: language = "swift"
        }
        var code = block.text
        if code.hasSuffix("\n") { code.removeLast() }
        let highlighted = CodeLines.wrap(language == "swift" ? SwiftHighlighter.html(for: code)
            : language == "python" ? PythonHighlighter.html(for: code) : escapeHTML(code))
        let lines = block.startLine == block.endLine ? "line \(block.startLine)"
            : "lines \(block.startLine)–\(block.endLine)"
        var caption = ""
        if block.kind.isRunnable {
            caption = "<span class=\"block-kind\">\(block.kind.name)</span><span class=\"block-hint\">\(Self.hint(block.kind))</span>"
        } else if !language.isEmpty {
            caption = "<span class=\"block-language\">\(escapeHTML(language))</span>"
        }
        caption += "<span class=\"block-lines\">\(lines)</span>"
        let runnable = block.kind.isRunnable ? " runnable" : ""
        return """
        <figure class="code-block kind-\(block.kind.name)\(runnable)" id="block-\(index)">
        <figcaption>\(caption)</figcaption>
        <pre tabindex="0"><code class="language-\(Self.cssIdentifier(language))">\(highlighted)</code></pre>
        </figure>

        """
    }

    private static func hint(_ kind: BlockKind) -> String {
        switch kind {
        case .parameters: return "the knobs to turn"
        case .experiment: return "trains and measures"
        case .expect: return "checked against the results"
        default: return ""
        }
    }

    /// A language name reduced to characters that are safe in a class attribute.
    static func cssIdentifier(_ name: String) -> String {
        let kept = name.lowercased().unicodeScalars.filter {
            ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" || $0 == "+" || $0 == "#"
        }
        let id = String(String.UnicodeScalarView(kept))
        return id.isEmpty ? "none" : id
    }

    // MARK: Navigation

    private func tableOfContents() -> String {
        let entries = lesson.headings.filter { $0.level == 2 || $0.level == 3 }
        guard entries.count >= 2 else { return "" }
        var html = "<ol>\n"
        var inSublist = false
        for (i, heading) in entries.enumerated() {
            if heading.level == 3 && !inSublist && i > 0 {
                html.removeLast("</li>\n".count)
                html += "\n<ol>\n"
                inSublist = true
            } else if heading.level == 2 && inSublist {
                html += "</ol></li>\n"
                inSublist = false
            }
            html += "<li><a href=\"#\(escapeHTML(heading.id))\">\(escapeHTML(heading.text))</a></li>\n"
        }
        if inSublist { html += "</ol></li>\n" }
        html += "</ol>\n"
        // On a phone the contents fold into one line, so the lesson starts near the top.
        return "<nav class=\"toc\" id=\"contents\" aria-label=\"Contents\">\n<h2>Contents</h2>\n" + html + "</nav>\n"
            + "<details class=\"toc-compact\"><summary>Contents</summary>\n<nav aria-label=\"Contents, folded\">\n" + html
            + "</nav></details>\n"
    }

    private func pager() -> String {
        guard previous != nil || next != nil else { return "" }
        var html = "<nav class=\"pager\" aria-label=\"Lessons\">\n"
        if let previous {
            html += "<a class=\"prev\" rel=\"prev\" href=\"\(escapeHTML(previous.pageName))\"><span>Previous</span>\(escapeHTML(previous.title))</a>\n"
        }
        if let next {
            html += "<a class=\"next\" rel=\"next\" href=\"\(escapeHTML(next.pageName))\"><span>Next</span>\(escapeHTML(next.title))</a>\n"
        }
        return html + "</nav>\n"
    }
}
