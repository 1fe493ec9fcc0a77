import Foundation
import Experiments
import SwiftSyntax

/// `lessons export`: the lesson's runnable blocks as one standalone Swift
/// program against the `Experiments` API — the proof that lesson code is
/// honest Swift. Parameter overrides replace the declared values.
public enum LessonExport {
    /// The text of `main.swift`, or the diagnostics when the lesson does not evaluate.
    public static func program(for lesson: Lesson, overrides: [String: String] = [:]) -> Result<String, DiagnosticList> {
        switch Evaluator.evaluate(lesson, overrides: overrides) {
        case .failure(let list): return .failure(list)
        case .success(let plan): return .success(program(for: lesson, plan: plan, overrides: overrides))
        }
    }

    static func program(for lesson: Lesson, plan: ResolvedLesson, overrides: [String: String]) -> String {
        var out = """
        // \(oneLine(lesson.meta.title))
        // Exported from \(oneLine(lesson.path)) by `lessons export`: the lesson's Swift blocks,
        // in order, as a program against the Experiments API. Comparisons run when
        // `results` is first read (through `Notebook.shared.execute`); the exit status
        // is 1 when an expectation fails.
        import Experiments
        import Foundation

        CompareExecutor.install()

        """
        for block in lesson.blocks where block.kind.isRunnable {
            let kind: String
            switch block.kind {
            case .parameters: kind = "parameters"
            case .experiment: kind = "experiment"
            default: kind = "expect"
            }
            out += "\n// \(oneLine(lesson.path)):\(block.startLine) (swift \(kind))\n"
            var text = block.kind == .parameters ? substitute(overrides, in: block.text) : block.text
            if !text.hasSuffix("\n") { text += "\n" }
            out += text
        }
        out += "\nexit(Notebook.shared.finish())\n"
        return out
    }

    /// The parameters block with each overridden `let` value replaced by the override's source.
    static func substitute(_ overrides: [String: String], in text: String) -> String {
        guard !overrides.isEmpty else { return text }
        let tree = SwiftParsing.parse(text)
        var replacements: [(Range<Int>, String)] = []
        for item in tree.statements {
            guard let decl = item.item.as(VariableDeclSyntax.self) else { continue }
            for binding in decl.bindings {
                guard let name = binding.pattern.as(IdentifierPatternSyntax.self)?.identifier.text,
                      let value = binding.initializer?.value, let replacement = overrides[name] else { continue }
                let start = value.positionAfterSkippingLeadingTrivia.utf8Offset
                let end = value.endPositionBeforeTrailingTrivia.utf8Offset
                replacements.append((start..<end, replacement.trimmingCharacters(in: .whitespaces)))
            }
        }
        var bytes = Array(text.utf8)
        for (range, replacement) in replacements.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) {
            bytes.replaceSubrange(range, with: Array(replacement.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Comment-safe: one line, no control characters.
    private static func oneLine(_ s: String) -> String {
        String(s.map { $0.isNewline || $0.asciiValue.map { $0 < 32 } == true ? " " : $0 })
    }
}
