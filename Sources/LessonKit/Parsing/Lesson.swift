/// A parsed lesson: what the evaluator, the runner and the renderer all read.
///
/// Line numbers are 1-based lines of the `.md` file itself (front matter
/// included), so every diagnostic points at the file the teacher edits.
public struct Lesson: Sendable {
    /// Path as given (relative paths stay relative, for messages).
    public var path: String
    /// The full source text, for diagnostics that quote a line.
    public var source: String
    public var meta: LessonMeta
    public var blocks: [LessonBlock]
    public var headings: [Heading]

    public init(path: String, source: String, meta: LessonMeta, blocks: [LessonBlock], headings: [Heading]) {
        self.path = path
        self.source = source
        self.meta = meta
        self.blocks = blocks
        self.headings = headings
    }
}

/// Front matter (`title`, `summary`, `order`, `budget`, `headline`); title falls back to the first `#` heading.
public struct LessonMeta: Sendable, Equatable {
    public var title: String
    public var summary: String?
    public var order: Int?
    /// The most training the lesson may ask for, in 10¹² multiply-adds (nil: the default limit).
    public var budget: Double?
    /// The index's key result: the best run by this catalog metric (nil: macro-F1),
    /// or `.none` for no key result.
    public var headline: Headline?

    public init(title: String, summary: String? = nil, order: Int? = nil, budget: Double? = nil, headline: Headline? = nil) {
        self.title = title
        self.summary = summary
        self.order = order
        self.budget = budget
        self.headline = headline
    }
}

/// What the index says of a lesson beside its status (front matter `headline:`).
public enum Headline: Sendable, Equatable {
    /// The best run by this metric of `MetricCatalog` (`meanAveragePrecision`).
    case best(metric: String)
    /// No key result: for a lesson whose best number would mislead.
    case none
}

public struct Heading: Sendable, Equatable {
    public var level: Int
    public var text: String
    /// Stable id for anchors: derived from the text, de-duplicated with `-2`, `-3`...
    public var id: String
    public var line: Int

    public init(level: Int, text: String, id: String, line: Int) {
        self.level = level
        self.text = text
        self.id = id
        self.line = line
    }
}

/// What a fenced block is for, from its info string.
public enum BlockKind: Sendable, Equatable {
    /// Markdown between code blocks (rendered by cmark-gfm).
    case prose
    /// ```` ```swift parameters ```` — `let` bindings of the knobs students turn.
    case parameters
    /// ```` ```swift experiment ```` — datasets, runs and comparisons.
    case experiment
    /// ```` ```swift expect ```` — claims checked against the results.
    case expect
    /// Any other fenced or indented code: shown, never run. `language` is the
    /// first word of the info string ("" when none).
    case code(language: String)

    /// True for the blocks the evaluator runs.
    public var isRunnable: Bool {
        switch self {
        case .parameters, .experiment, .expect: return true
        case .prose, .code: return false
        }
    }
}

/// One block of a lesson with its exact place in the file.
public struct LessonBlock: Sendable, Equatable {
    public var kind: BlockKind
    /// For prose: the Markdown text. For code: the code's content, without fences,
    /// with the fence's indentation removed, newline-terminated lines.
    public var text: String
    /// The full info string of a fenced block ("" for prose and indented code).
    public var info: String
    /// First and last line of the block in the .md file (fences included).
    public var startLine: Int
    public var endLine: Int
    /// Line in the .md file of the first line of `text`.
    public var contentStartLine: Int
    /// Columns removed from each content line (a fence's indentation), so that
    /// column c of `text` is column c + contentIndent in the file.
    public var contentIndent: Int

    public init(kind: BlockKind, text: String, info: String = "", startLine: Int, endLine: Int,
                contentStartLine: Int, contentIndent: Int = 0) {
        self.kind = kind
        self.text = text
        self.info = info
        self.startLine = startLine
        self.endLine = endLine
        self.contentStartLine = contentStartLine
        self.contentIndent = contentIndent
    }

    /// The position in the .md file of a 1-based (line, column) inside `text`.
    public func fileLocation(line: Int, column: Int) -> SourceLocation {
        SourceLocation(line: contentStartLine + line - 1, column: column + contentIndent)
    }
}
