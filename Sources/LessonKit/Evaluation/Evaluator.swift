import Experiments
import SwiftParserDiagnostics
import SwiftSyntax

/// Turns a lesson's `swift parameters` / `swift experiment` / `swift expect`
/// blocks into a `LessonPlan`, by walking SwiftSyntax trees — nothing is
/// compiled or run. Only the described API can be constructed, so lesson code
/// cannot touch files, processes or the network.
public enum Evaluator {
    /// Evaluates every runnable block in order (later blocks see earlier names).
    /// `overrides` are `--set name=value` pairs (value as Swift source). Returns
    /// the plan, or every error found, sorted by location.
    public static func evaluate(_ lesson: Lesson, overrides: [String: String] = [:],
                                catalog: APICatalog = .standard) -> Result<LessonPlan, DiagnosticList> {
        evaluate(lesson, overrides: overrides, catalog: catalog, isSweepPoint: false)
    }

    /// `isSweepPoint`: the lesson evaluated again for one value of a sweep (no sweeps, no claims).
    static func evaluate(_ lesson: Lesson, overrides: [String: String], catalog: APICatalog,
                         isSweepPoint: Bool) -> Result<LessonPlan, DiagnosticList> {
        let session = EvaluationSession(lesson: lesson, catalog: catalog, overrides: overrides, isSweepPoint: isSweepPoint)
        for (index, block) in lesson.blocks.enumerated() where block.kind.isRunnable {
            if isSweepPoint && block.kind == .expect { continue }
            session.evaluateBlock(index: index, block: block)
        }
        // A sweep point leaves unknown overrides to the lesson's own evaluation (reported once).
        if !isSweepPoint { session.checkOverridesWereUsed() }
        let errors = session.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { return .failure(DiagnosticList(session.diagnostics)) }
        return .success(session.plan)
    }
}

/// Diagnostics in file order (those without a location first).
public struct DiagnosticList: Error, Sendable, Equatable {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case let (x?, y?): return x != y ? x < y : a.offset < b.offset
            case (nil, _?): return true
            case (_?, nil): return false
            case (nil, nil): return a.offset < b.offset
            }
        }.map(\.element)
    }

    /// Compiler-style text of every diagnostic, with source lines and carets.
    public func formatted(source: String?, color: Bool = false) -> String {
        diagnostics.map { $0.formatted(source: source, color: color) }.joined(separator: "\n")
    }
}

extension EvaluationSession {
    func evaluateBlock(index: Int, block: LessonBlock) {
        let errorsBefore = diagnostics.count
        defer { if block.kind != .expect, diagnostics.count > errorsBefore { experimentFailed = true } }
        guard block.text.utf8.count <= Bounds.blockBytes else {
            error("block is too large (\(block.text.utf8.count) bytes; at most \(Bounds.blockBytes))",
                  at: SourceLocation(line: block.startLine, column: 1 + block.contentIndent))
            return
        }
        guard let parsed = BlockSource(index: index, block: block) else {
            reportNesting(in: block)
            return
        }
        source = parsed
        let syntaxErrors = ParseCache.errors(for: block.text, tree: source.tree)
        if !syntaxErrors.isEmpty {
            for d in syntaxErrors { error(d.message, at: source.location(d.position)) }
            poisonNames(in: source.tree)
            return
        }
        for item in source.tree.statements {
            depth = 0
            switch item.item {
            case .decl(let decl):
                if let v = decl.as(VariableDeclSyntax.self) { evaluateLet(v, in: block.kind) } else { unsupported(decl) }
            case .stmt(let stmt):
                unsupported(stmt.as(ExpressionStmtSyntax.self).map { Syntax($0.expression) } ?? Syntax(stmt))
            case .expr(let expr):
                evaluateStatement(expr, in: block.kind)
            }
        }
    }

    func reportNesting(in block: LessonBlock, at fixed: SourceLocation? = nil) {
        guard let v = SourceGuard.firstViolation(in: block.text) else { return }
        let message: String
        switch v.kind {
        case .squareDepth: message = "brackets '[' are nested too deeply (more than \(SourceGuard.maximumSquareDepth) levels)"
        case .depth: message = "brackets are nested too deeply (more than \(SourceGuard.maximumDepth) levels)"
        case .character(let c):
            let hex = String(c.value, radix: 16, uppercase: true)
            message = "character U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex) is not allowed here; "
                + "outside strings and comments, lesson code is plain ASCII"
        }
        error(message, at: fixed ?? BlockSource.location(ofOffset: v.offset, in: block))
    }

    /// Names a block with syntax errors would have bound: later uses stay quiet.
    private func poisonNames(in tree: SourceFileSyntax) {
        for item in tree.statements {
            guard let v = item.item.as(VariableDeclSyntax.self) else { continue }
            for b in v.bindings {
                if let name = b.pattern.as(IdentifierPatternSyntax.self)?.identifier.text { poisoned.insert(name) }
            }
        }
    }

    /// A top-level expression: `Compare(...)` in experiments, `expect(...)` in expect blocks.
    func evaluateStatement(_ expr: ExprSyntax, in kind: BlockKind) {
        let callee = expr.as(FunctionCallExprSyntax.self)?.calledExpression.as(DeclReferenceExprSyntax.self)?.baseName.text
        switch kind {
        case .expect:
            if callee == "expect", let call = expr.as(FunctionCallExprSyntax.self) {
                compileExpectation(call)
            } else if callee == "Compare" {
                error("Compare belongs in a 'swift experiment' block", at: expr)
            } else {
                error("an expect block states claims as 'expect(...)' statements", at: expr)
            }
        case .parameters:
            error("a parameters block only declares knobs with 'let'", at: expr)
        default:
            if callee == "expect" {
                error("expect(...) belongs in a 'swift expect' block", at: expr)
                return
            }
            guard let value = evaluate(expr, expected: nil) else { return }
            if case .api("Compare") = value.kind, let compare = value.value.object as? Compare {
                addComparison(compare, value: value, at: expr)
            } else if case .api("Sweep") = value.kind, let sweep = value.value.object as? Sweep {
                if !isSweepPoint { addSweep(sweep, value: value, at: expr) }
            } else if case .api("Run") = value.kind {
                error("a Run on its own is never trained; put it in the runs of a Compare", at: expr)
            } else if catalog.isAssignable(value.kind.description, to: "DatasetSpecification") {
                error("a dataset on its own is not shown; pass it to Compare(_:on:runs:)", at: expr)
            } else {
                error("result of type '\(value.kind)' is unused; an experiment block declares names and Compare(...) calls",
                      at: expr)
            }
        }
    }

    private func addComparison(_ compare: Compare, value: Evaluated, at expr: ExprSyntax) {
        var fresh = true
        for (i, run) in compare.runs.enumerated() {
            if let earlier = knownRuns[run.name] {
                fresh = false
                error("duplicate run name '\(run.name)'; first used at line \(earlier.location.line)",
                      at: value.location(at: [.argument("runs"), .index(i)]))
            }
        }
        guard fresh else { return }
        for (i, run) in compare.runs.enumerated() where knownRuns[run.name] == nil {
            knownRuns[run.name] = KnownRun(location: value.location(at: [.argument("runs"), .index(i)]),
                                           labels: compare.dataset.labelNames, seeds: compare.seedList(for: run))
            knownRunOrder.append(run.name)
        }
        let runLocations = compare.runs.indices.map { value.location(at: [.argument("runs"), .index($0)]) }
        plan.comparisons.append(PlanComparison(compare: compare, datasetName: value.children["dataset"]?.name,
                                               blockIndex: source.index, location: source.location(of: expr),
                                               runLocations: runLocations))
    }
}
