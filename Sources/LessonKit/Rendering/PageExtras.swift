import Foundation

/// What the runner adds to a lesson's page: fragments it rendered from results.
///
/// The page renderer places each fragment without touching it, so a renderer of
/// results owns its markup (and its escaping) end to end.
public struct PageExtras: Sendable, Equatable {
    /// HTML placed right after `lesson.blocks[index]` (results of an experiment,
    /// pass/fail of an expect block). Keys are indices into `Lesson.blocks`.
    public var afterBlock: [Int: TrustedHTML]
    /// The effective-parameters panel, shown under the "Run it yourself" box.
    public var parametersPanel: TrustedHTML?
    /// Status and key result, shown under the title and on the index.
    public var status: LessonStatus?
    /// Files written to `site/<lesson-id>/` (e.g. `results.json`, `samples-0.png`),
    /// by name relative to that folder. Names: letters, digits, `.`, `-`, `_`, and `/`
    /// between folders; never `..` or a leading dot.
    public var files: [String: Data]
    /// The command shown in "Run it yourself"; nil means `lessons run <file>`.
    public var runCommand: String?
    /// The effective parameters, for the rerun command that spells each one out.
    public var parameters: [ResultsDocument.Parameter]
    /// Numbered results by element id ("results-1-loss" → "Figure 1"): prose links
    /// written `[](#results-1-loss)` get that name as their text.
    public var references: [String: String] = [:]

    public init(afterBlock: [Int: TrustedHTML] = [:], parametersPanel: TrustedHTML? = nil,
                status: LessonStatus? = nil, files: [String: Data] = [:], runCommand: String? = nil,
                parameters: [ResultsDocument.Parameter] = []) {
        self.afterBlock = afterBlock
        self.parametersPanel = parametersPanel
        self.status = status
        self.files = files
        self.runCommand = runCommand
        self.parameters = parameters
    }
}

/// A lesson's outcome as the index shows it.
public struct LessonStatus: Sendable, Equatable, Codable {
    public enum State: String, Sendable, Codable {
        /// Every run finished and every expectation held.
        case passed
        /// A run diverged or an expectation failed.
        case failed
        /// Rendered without running (e.g. `lessons build`).
        case notRun = "not-run"
    }

    public var state: State
    /// One line of plain text, e.g. "macro-F1 0.71 (pos_weight)"; escaped when shown.
    public var keyResult: String?

    public init(state: State, keyResult: String? = nil) {
        self.state = state
        self.keyResult = keyResult
    }

    var label: String {
        switch state {
        case .passed: return "passed"
        case .failed: return "failed"
        case .notRun: return "not run"
        }
    }

    /// The badge markup shared by the lesson page and the index.
    var badgeHTML: String {
        var html = "<span class=\"badge \(state.rawValue)\">\(label)</span>"
        if let keyResult { html += " <span class=\"key-result\">\(escapeHTML(keyResult))</span>" }
        return html
    }
}
