import Experiments
import SwiftSyntax

/// One evaluation of a lesson: walks its runnable blocks and their statements
/// in order and hands each to the part that knows it — `let` to the binder,
/// `expect(...)` to the claim compiler, `Compare` and `Sweep` values to the
/// plan. It owns what the parts share: the diagnostics, the scope, the runs
/// declared so far and the plan being built. Values are checked as they are
/// met (with the `--set` values in place), and each is lowered to the plan
/// node that makes it again from the parameters.
final class LessonEvaluation {
    let lesson: Lesson
    private let diagnostics: Diagnostics
    private let evaluator: ExpressionEvaluator
    private let runs = DeclaredRuns()
    private let binder: LetBinder
    private let claims: ClaimCompiler
    private let sweeps: SweepPlanner
    private let dataChecks: DataChecks?
    private var plan = LessonPlan()
    /// The `--set` values, lowered, by parameter name.
    private var settings: [String: ParameterSetting] = [:]
    private var expectations: [Expectation] = []

    init(lesson: Lesson, catalog: APICatalog, overrides: [String: String], checksData: Bool) {
        self.lesson = lesson
        diagnostics = Diagnostics(path: lesson.path)
        evaluator = ExpressionEvaluator(catalog: catalog, scope: Scope(), overrides: overrides)
        dataChecks = checksData ? DataChecks(lessonPath: lesson.path) : nil
        binder = LetBinder(evaluator: evaluator, dataChecks: dataChecks)
        claims = ClaimCompiler(evaluator: evaluator, runs: runs)
        sweeps = SweepPlanner(evaluator: evaluator, runs: runs)
    }

    /// The plan and the `--set` values, or every diagnostic when any is an error.
    func result() -> Result<LoweredLesson, DiagnosticList> {
        for (index, block) in lesson.blocks.enumerated() where block.kind.isRunnable {
            evaluateBlock(index: index, block: block)
        }
        evaluator.reportUnusedOverrides(declared: plan.parameters.map(\.name), to: diagnostics)
        if diagnostics.all.contains(where: { $0.severity == .error }) { return .failure(DiagnosticList(diagnostics.all)) }
        return .success(LoweredLesson(plan: plan, settings: settings, expectations: expectations))
    }

    private func evaluateBlock(index: Int, block: LessonBlock) {
        let errorsBefore = diagnostics.count
        defer { if block.kind != .expect, diagnostics.count > errorsBefore { runs.mayBeIncomplete = true } }
        guard block.text.utf8.count <= EvaluationBounds.blockBytes else {
            diagnostics.error("block is too large (\(block.text.utf8.count) bytes; at most \(EvaluationBounds.blockBytes))",
                              at: SourceLocation(line: block.startLine, column: 1 + block.contentIndent))
            return
        }
        let source: BlockSource
        do { source = try BlockSource(index: index, block: block) } catch {
            diagnostics.error(error.message, at: BlockSource.location(ofOffset: error.offset, in: block))
            return
        }
        let syntaxErrors = ParseCache.errors(for: block.text, tree: source.tree)
        if !syntaxErrors.isEmpty {
            for d in syntaxErrors { diagnostics.error(d.message, at: source.location(d.position)) }
            poisonNames(in: source.tree)
            return
        }
        for item in source.tree.statements {
            // Each statement starts a fresh context (depth 0).
            let context = EvaluationContext(source: source, diagnostics: diagnostics)
            switch item.item {
            case .decl(let decl):
                if let v = decl.as(VariableDeclSyntax.self), block.kind == .expect {
                    context.error("an expect block states claims as 'expect(...)' statements; declare names in a "
                                  + "'swift parameters' or 'swift experiment' block", at: v.bindingSpecifier)
                    poisonNames(of: v)
                } else if let v = decl.as(VariableDeclSyntax.self) {
                    binder.bind(v, in: block.kind, context: context, plan: &plan, settings: &settings)
                } else {
                    context.unsupported(decl)
                }
            case .stmt(let stmt):
                context.unsupported(stmt.as(ExpressionStmtSyntax.self).map { Syntax($0.expression) } ?? Syntax(stmt))
            case .expr(let expr):
                evaluateStatement(expr, in: block.kind, context: context)
            }
        }
    }

    /// Names a block with syntax errors would have bound: later uses stay quiet.
    private func poisonNames(in tree: SourceFileSyntax) {
        for item in tree.statements {
            if let v = item.item.as(VariableDeclSyntax.self) { poisonNames(of: v) }
        }
    }

    private func poisonNames(of v: VariableDeclSyntax) {
        for b in v.bindings {
            if let name = b.pattern.as(IdentifierPatternSyntax.self)?.identifier.text { evaluator.scope.poison(name) }
        }
    }

    /// A comment block starting "Sanity check" marks the claims after it, up to the
    /// next comment; a claim with no comment of its own continues the one before it.
    static func isSanityCheck(_ call: FunctionCallExprSyntax, after previous: Expectation?) -> Bool {
        let comments = call.leadingTrivia.compactMap { piece -> String? in
            if case .lineComment(let text) = piece { return text }
            if case .blockComment(let text) = piece { return text }
            return nil
        }
        guard let first = comments.first else { return previous?.sanityCheck ?? false }
        let words = first.drop { $0 == "/" || $0 == "*" || $0 == " " }
        return words.lowercased().hasPrefix("sanity check")
    }

    /// A top-level expression: `Compare(...)` in experiments, `expect(...)` in expect blocks.
    private func evaluateStatement(_ expr: ExprSyntax, in kind: BlockKind, context: EvaluationContext) {
        let statement = TopLevelStatement(expr)
        switch (kind, statement) {
        case (.expect, .claim(let call)):
            if var claim = claims.compile(call, in: context) {
                claim.sanityCheck = Self.isSanityCheck(call, after: expectations.last.flatMap {
                    $0.blockIndex == claim.blockIndex ? $0 : nil
                })
                expectations.append(claim)
                plan.claims.append(PlanClaim(claim: claim.claim, blockIndex: claim.blockIndex, location: claim.location,
                                             check: claim.planJSON))
            }
        case (.expect, .comparison):
            context.error("Compare belongs in a 'swift experiment' block", at: expr)
        case (.expect, .value):
            context.error("an expect block states claims as 'expect(...)' statements", at: expr)
        case (.parameters, _):
            context.error("a parameters block only declares knobs with 'let'", at: expr)
        case (_, .claim):
            context.error("expect(...) belongs in a 'swift expect' block", at: expr)
        case (_, .comparison), (_, .value):
            guard let value = evaluator.evaluate(expr, expected: nil, in: context) else { return }
            planExperiment(value, at: expr, context: context)
        }
    }

    private func planExperiment(_ value: Evaluated, at expr: ExprSyntax, context: EvaluationContext) {
        switch ExperimentStatementValue(value) {
        case .comparison(let compare):
            guard runs.add(compare, value: value, in: context) else { return }
            dataChecks?.checkRuns(compare, value: value, in: context)
            plan.comparisons.append(PlanComparison(node: value.plan, blockIndex: context.source.index,
                                                   location: context.location(of: expr)))
        case .sweep(let sweep):
            guard let planned = sweeps.plan(sweep, value: value, at: expr, in: context) else { return }
            plan.sweeps.append(planned)
            // Resolved here too, against the plan so far, so its problems join the lesson's others.
            _ = ResolutionPass(plan: plan, settings: settings, catalog: evaluator.catalog, diagnostics: Diagnostics(path: lesson.path))
                .sweep(planned, path: lesson.path, reportingTo: diagnostics)
        case .run:
            context.error("a Run on its own is never trained; put it in the runs of a Compare", at: expr)
        case .dataset:
            context.error("a dataset on its own is not shown; pass it to Compare(_:on:runs:)", at: expr)
        case .other:
            context.error("result of type '\(value.kind)' is unused; an experiment block declares names and Compare(...) calls",
                          at: expr)
        }
    }
}
