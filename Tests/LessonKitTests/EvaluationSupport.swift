import Experiments
@testable import LessonKit
import XCTest

/// Builds lessons from fenced blocks so tests read like lessons and positions are real.
enum EvaluationFixture {
    /// A lesson whose body is `markdown` after a two-line front matter and a heading
    /// (so block content starts at known file lines).
    static func lesson(_ markdown: String, path: String = "Lessons/test.md") throws -> Lesson {
        try Lesson(path: path, markdown: "---\ntitle: Test\n---\n\n# Test\n\n" + markdown)
    }

    static func blocks(_ parts: [(String, String)]) -> String {
        parts.map { "```swift \($0.0)\n\($0.1)\n```\n" }.joined(separator: "\nSome prose.\n\n")
    }

    static func evaluate(_ markdown: String, overrides: [String: String] = [:]) throws -> Result<ResolvedLesson, DiagnosticList> {
        Evaluator.evaluate(try lesson(markdown), overrides: overrides)
    }

    static func plan(_ markdown: String, overrides: [String: String] = [:],
                     file: StaticString = #filePath, line: UInt = #line) throws -> ResolvedLesson {
        switch try evaluate(markdown, overrides: overrides) {
        case .success(let plan): return plan
        case .failure(let list):
            XCTFail("unexpected diagnostics:\n" + list.diagnostics.map { "\($0.location.map { "\($0.line):\($0.column)" } ?? "-"): \($0.message)" }.joined(separator: "\n"), file: file, line: line)
            throw list
        }
    }

    /// `line:column: message` of every diagnostic, in order.
    static func diagnostics(_ markdown: String, overrides: [String: String] = [:]) throws -> [String] {
        switch try evaluate(markdown, overrides: overrides) {
        case .success: return []
        case .failure(let list):
            return list.diagnostics.map { d in (d.location.map { "\($0.line):\($0.column): " } ?? "") + d.message }
        }
    }
}
