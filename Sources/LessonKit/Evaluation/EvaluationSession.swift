import Experiments
import Foundation
import Synchronization
import SwiftSyntax

/// The state of one evaluation of a lesson: names bound so far, the plan being
/// built and every diagnostic found (evaluation goes on after an error so that
/// all problems are reported at once).
final class EvaluationSession {
    /// Limits that keep evaluation of untrusted lesson code bounded.
    enum Bounds {
        static let blockBytes = 64 * 1024
        static let arrayElements = 4096
        static let stringCharacters = 1000
        static let expressionDepth = 32
    }

    struct Binding {
        var value: Evaluated
        var location: SourceLocation
        var isParameter: Bool
    }

    /// A run the expect blocks may name, with the labels of its dataset.
    struct KnownRun {
        var location: SourceLocation
        /// Nil when the dataset's labels come from its files.
        var labels: [String]?
        /// The seeds its results are listed under (paired claims need equal lists).
        var seeds: [Int]
    }

    let lesson: Lesson
    let catalog: APICatalog
    let overrides: [String: String]
    /// True while evaluating the lesson again for one point of a sweep: sweeps
    /// and claims are left out, only the runs matter.
    let isSweepPoint: Bool
    var diagnostics: [Diagnostic] = []
    var scope: [String: Binding] = [:]
    /// Names whose definition failed: uses of them report nothing more.
    var poisoned: Set<String> = []
    var plan = LessonPlan()
    var knownRuns: [String: KnownRun] = [:]
    var knownRunOrder: [String] = []
    /// True once an experiment block had an error: its runs may be missing, so
    /// expect blocks do not report unknown run names on top.
    var experimentFailed = false
    /// The block being evaluated.
    var source: BlockSource!
    /// Message prefix while evaluating an override (`--set epochs=2.5: `).
    var messagePrefix = ""
    var depth = 0
    /// Described defaults, evaluated once per process (they never change).
    private static let defaultCache = Mutex<[String: Evaluated]>([:])

    init(lesson: Lesson, catalog: APICatalog, overrides: [String: String], isSweepPoint: Bool = false) {
        self.lesson = lesson
        self.catalog = catalog
        self.overrides = overrides
        self.isSweepPoint = isSweepPoint
    }

    func error(_ message: String, at location: SourceLocation?) {
        diagnostics.append(Diagnostic(path: lesson.path, location: location, message: messagePrefix + message))
    }

    func error(_ message: String, at node: some SyntaxProtocol) {
        error(message, at: source.location(of: node))
    }

    /// For a value read from a parameter that `--set` overrode, where it came
    /// from: the error points at the use in the lesson, but the value is not
    /// the one written there.
    func overrideNote(_ value: Evaluated?) -> String {
        guard let name = value?.name, let given = overrides[name] else { return "" }
        return " (\(name) is set by --set \(name)=\(given))"
    }

    /// Names reserved by the API: types, `results`, `expect`.
    func isReserved(_ name: String) -> Bool {
        name == "results" || name == "expect" || catalog.type(named: name) != nil
    }

    /// The value of a described default (`".none"`, `"[64]"`), parsed and
    /// evaluated once per argument and cached.
    func defaultValue(_ argument: APIArgument, of member: APIMember, in type: APITypeDescription) -> Evaluated? {
        guard let text = argument.defaultSource else { return nil }
        let key = "\(type.name).\(member.signature(typeName: type.name)).\(argument.name)"
        if let cached = Self.defaultCache.withLock({ $0[key] }) { return cached }
        let saved = (source, diagnostics.count, depth)
        defer { source = saved.0; depth = saved.2 }
        source = BlockSource(index: -1, block: LessonBlock(kind: .experiment, text: text, startLine: 0, endLine: 0,
                                                           contentStartLine: 0))!
        depth = 0
        guard let expr = source.tree.statements.first?.item.as(ExprSyntax.self),
              let value = evaluate(expr, expected: argument.kind) else {
            // A broken description is a defect of the API, not of the lesson.
            preconditionFailure("default '\(text)' of \(key) does not evaluate")
        }
        precondition(diagnostics.count == saved.1, "default '\(text)' of \(key) has errors")
        Self.defaultCache.withLock { $0[key] = value }
        return value
    }
}
