import CCmarkGFM
import Foundation

extension Lesson {
    /// Parses a lesson's Markdown: front matter, then cmark-gfm's tree walked
    /// top-level block by block. Fenced code blocks become their own blocks;
    /// everything between them is one prose block.
    ///
    /// - Throws: `LessonsError` with a located diagnostic for bad front matter.
    public init(path: String, markdown: String) throws {
        let source = SourceText.normalize(markdown)
        let front = try FrontMatter.parse(source: source, path: path)
        let lines = SourceText.lines(source)
        let document = MarkdownDocument(markdown: FrontMatter.blanked(source))

        var blocks: [LessonBlock] = []
        var headings: [Heading] = []
        var slugger = HeadingSlugger()
        var prose: ClosedRange<Int>?

        func flushProse() {
            guard let range = prose else { return }
            // Clamped: cmark-gfm can place a node past the last line (a table cut from a paragraph's last line).
            let low = min(max(range.lowerBound - 1, 0), lines.count), high = max(low, min(range.upperBound, lines.count))
            let text = lines[low..<high].map { $0 + "\n" }.joined()
            blocks.append(LessonBlock(kind: .prose, text: text, startLine: range.lowerBound,
                                      endLine: range.upperBound, contentStartLine: range.lowerBound))
            prose = nil
        }

        for node in document.topLevelNodes {
            let start = MarkdownNode.startLine(node), end = max(MarkdownNode.startLine(node), MarkdownNode.endLine(node))
            switch MarkdownNode.type(node) {
            case "code_block":
                flushProse()
                blocks.append(Self.codeBlock(node, start: start, end: end))
            case let type:
                try Self.rejectNestedRunnableBlocks(in: node, path: path, source: source)
                if type == "heading" {
                    let text = MarkdownNode.plainText(node).trimmingCharacters(in: .whitespaces)
                    headings.append(Heading(level: MarkdownNode.headingLevel(node), text: text,
                                            id: slugger.id(for: text), line: start))
                }
                prose = (prose?.lowerBound ?? start)...max(end, prose?.upperBound ?? end)
            }
        }
        flushProse()
        try ProseMath.check(source: source, path: path)

        let title = front.title ?? headings.first(where: { $0.level == 1 })?.text
            ?? Self.fallbackTitle(path: path)
        self.init(path: path, source: source,
                  meta: LessonMeta(title: title, summary: front.summary, order: front.order, budget: front.budget,
                                   memory: front.memory, headline: front.headline),
                  blocks: blocks, headings: headings)
    }

    /// Reads and parses a lesson file; unreadable or non-UTF-8 files are diagnostics.
    public init(contentsOfFile path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw LessonsError(Diagnostic(path: path, location: nil, message: "no such file"))
        }
        if isDirectory.boolValue {
            throw LessonsError(Diagnostic(path: path, location: nil, message: "is a folder, not a lesson file"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LessonsError(Diagnostic(path: path, location: nil,
                                          message: "cannot read the file (permission denied?)"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let (location, byte) = SourceText.firstInvalidUTF8(in: Array(data))
            throw LessonsError(Diagnostic(path: path, location: location,
                                          message: "the file is not valid UTF-8 text (byte 0x\(String(byte, radix: 16, uppercase: true)))"))
        }
        try self.init(path: path, markdown: text)
    }

    private static func codeBlock(_ node: OpaquePointer, start: Int, end: Int) -> LessonBlock {
        let info = MarkdownNode.fenceInfo(node)
        let text = MarkdownNode.literal(node)
        if let indent = MarkdownNode.fenceOffset(node) {
            return LessonBlock(kind: BlockKind(info: info), text: text, info: info, startLine: start,
                               endLine: end, contentStartLine: start + 1, contentIndent: indent)
        }
        return LessonBlock(kind: .code(language: ""), text: text, startLine: start, endLine: end,
                           contentStartLine: start, contentIndent: 4)
    }

    /// A `swift experiment` block inside a list or quote would silently not run;
    /// runnable blocks must stand at the top level of the lesson.
    private static func rejectNestedRunnableBlocks(in node: OpaquePointer, path: String, source: String) throws {
        guard let iterator = cmark_iter_new(node) else { return }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let child = cmark_iter_get_node(iterator), MarkdownNode.type(child) == "code_block" else { continue }
            let kind = BlockKind(info: MarkdownNode.fenceInfo(child))
            guard kind.isRunnable else { continue }
            let line = MarkdownNode.startLine(child)
            let column = Int(cmark_node_get_start_column(child))
            throw LessonsError(Diagnostic(path: path, location: SourceLocation(line: line, column: max(1, column)),
                message: "a 'swift \(kind.name)' block inside a list or quote is not run; move it to the top level"),
                source: source)
        }
    }

    private static func fallbackTitle(path: String) -> String {
        let name = (path as NSString).lastPathComponent
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }
}

extension BlockKind {
    /// `swift parameters|experiment|expect` (extra words after the kind allowed)
    /// are run; any other info string is shown as code in its first word's language.
    public init(info: String) {
        let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" })
        let language = words.first.map(String.init) ?? ""
        if language == "swift", words.count > 1 {
            switch words[1] {
            case "parameters": self = .parameters; return
            case "experiment": self = .experiment; return
            case "expect": self = .expect; return
            default: break
            }
        }
        self = .code(language: language)
    }

    /// A short name for labels and CSS classes ("experiment", "code").
    public var name: String {
        switch self {
        case .prose: return "prose"
        case .parameters: return "parameters"
        case .experiment: return "experiment"
        case .expect: return "expect"
        case .code: return "code"
        }
    }
}
