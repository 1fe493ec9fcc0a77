import Experiments
@testable import LessonKit
import XCTest

/// Typed values resolved from the plan alone (what `lessons_resolve_plan` does
/// in the browser) against the swift-syntax evaluator: the same nodes, the same
/// runs, the same messages.
final class TypedSettingsTests: XCTestCase {
    /// Parameters declared with every construct a student may type, API values with defaults among them.
    static let vocabulary = EvaluationFixture.blocks([
        ("parameters", """
        let epochs = 2
        let posWeight: PosWeight = .balanced(scale: 0.5)
        let loss: Loss = .binaryCrossEntropy(posWeight: .balanced)
        let focal: Loss = .focal(gamma: 2)
        let asymmetric: Loss = .asymmetric(gammaNegative: 4)
        let rate = 1e-3
        let hidden = [64, 32]
        let weights: [Double] = [1, 2.5]
        let table = ["a": 1, "b": 2]
        let title = "A \\"quoted\\" title\\u{e9}"
        let flag = !true
        let maybe: Double? = nil
        let negative = -(2 + 3) * 4
        let mixed = 1 + 2.5 / 2
        let hex = 0x1F
        let seeds: Seeds = 3
        """),
        ("experiment", #"Compare("t", on: Shapes(train: 64, test: 32), runs: [Run("a", loss: loss, epochs: epochs), Run("b", loss: focal, epochs: 1)])"#),
    ])

    /// The node with every place set to one, for comparing what was built rather than where.
    static func placeless(_ node: PlanNode) -> PlanNode {
        var n = node
        n.location = SourceLocation(line: 0, column: 0)
        switch node.expression {
        case .binary(let op, _, let l, let r): n.expression = .binary(op, operatorAt: n.location, placeless(l), placeless(r))
        case .prefix(let op, let x): n.expression = .prefix(op, placeless(x))
        case .array(let items): n.expression = .array(items.map(placeless))
        case .dictionary(let items): n.expression = .dictionary(items.map(placeless))
        case .literal(let t, let x): n.expression = .literal(type: t, placeless(x))
        case .call(let t, let s, let arguments):
            n.expression = .call(type: t, signature: s, arguments: arguments?.map { PlanArgument(name: $0.name, value: placeless($0.value), isDefault: $0.isDefault) })
        default: break
        }
        return n
    }

    /// Each declared value, typed as a value, gives the node the evaluator built from the lesson's syntax.
    func testDeclaredValuesTypedGiveTheEvaluatorsNodes() throws {
        var lessons = [try EvaluationFixture.lesson(Self.vocabulary)]
        for id in PlanResolutionTests.settings.keys.sorted() { lessons.append(try PlanResolutionTests.lesson(id)) }
        var checked = 0
        for lesson in lessons {
            for p in try PlanResolutionTests.lowered(lesson).plan.parameters {
                let diagnostics = Diagnostics(path: lesson.path)
                let typed = SetValueEvaluation.value(p.declaredValue, of: p.name, kind: p.kind, at: p.location, catalog: .standard,
                                                     diagnostics: diagnostics, overrides: [:])
                XCTAssertEqual(diagnostics.all.map(\.message), [], "\(lesson.path) \(p.name)")
                XCTAssertEqual(typed.map { Self.placeless($0.plan) }, Self.placeless(p.declared), "\(lesson.path) \(p.name) = \(p.declaredValue)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 45)
    }

    /// For every course lesson and its `--set` values, the published plan resolved with the values as
    /// typed gives the run specs (cache keys), parameters and claims that `lessons run --set` gives.
    func testTypedValuesOnThePlanGiveTheRunsOfRunningWithSet() throws {
        for (id, sets) in PlanResolutionTests.settings.sorted(by: { $0.key < $1.key }) {
            let lesson = try PlanResolutionTests.lesson(id)
            let published = try PlanJSON.read(PlanJSON.text(try PlanResolutionTests.lowered(lesson).plan, lessonFile: "\(id).md"))
            let claims = try published.claims.map { try Expectation($0) }
            for set in sets {
                guard case .success(let running) = Evaluator.evaluate(lesson, overrides: set) else { return XCTFail("\(id) \(set)") }
                let typed = set.sorted { $0.key < $1.key }.map { (name: $0.key, source: $0.value) }
                guard case .success(let resolved) = PlanResolver.resolve(published, typed: typed, expectations: claims, path: lesson.path) else {
                    return XCTFail("\(id) \(set): the typed values do not resolve")
                }
                XCTAssertEqual(try PlanResolutionTests.keys(resolved), try PlanResolutionTests.keys(running), "\(id) \(set)")
                XCTAssertEqual(resolved.parameters, running.parameters, "\(id) \(set)")
                XCTAssertEqual(resolved.expectations.map(\.check), running.expectations.map(\.check), "\(id) \(set)")
            }
        }
    }

    /// A typed value may read a parameter declared before it, as `--set` may; a later one is not in scope.
    func testATypedValueReadsAnEarlierParameter() throws {
        let lesson = try PlanResolutionTests.lesson("02-measuring-rare-labels")
        let plan = try PlanResolutionTests.lowered(lesson).plan
        let claims = try plan.claims.map { try Expectation($0) }
        for set in [["myThreshold": "threshold - 0.1"], ["threshold": "0.4", "myThreshold": "(threshold + 0.2) / 2"]] {
            guard case .success(let running) = Evaluator.evaluate(lesson, overrides: set) else { return XCTFail("\(set)") }
            let typed = set.sorted { $0.key < $1.key }.map { (name: $0.key, source: $0.value) }
            guard case .success(let resolved) = PlanResolver.resolve(plan, typed: typed, expectations: claims, path: lesson.path) else {
                return XCTFail("\(set) does not resolve")
            }
            XCTAssertEqual(resolved.expectations.map(\.check), running.expectations.map(\.check), "\(set)")
            XCTAssertNotEqual(resolved.expectations.map(\.check), try PlanResolutionTests.lowered(lesson).expectations.map(\.check), "\(set)")
        }
        let later = try EvaluationFixture.diagnostics(Self.vocabulary, overrides: ["epochs": "rate"])
        guard case .failure(let list) = PlanResolver.resolve(try PlanResolutionTests.lowered(try EvaluationFixture.lesson(Self.vocabulary)).plan,
                                                             typed: [("epochs", "rate")], path: "Lessons/test.md") else { return XCTFail() }
        XCTAssertEqual(list.diagnostics.map { "\($0.location!.line):\($0.location!.column): \($0.message)" }, later)
        XCTAssertEqual(later, ["8:5: --set epochs=rate: cannot find 'rate' in scope"])
    }

    /// A bad typed value gets the message `lessons run --set` prints, at the parameter's declaration.
    func testBadTypedValuesGetTheMessagesOfSet() throws {
        let markdown = EvaluationFixture.blocks([
            ("parameters", "let epochs = 12\nlet posWeight: PosWeight = .none\nlet rate = 0.5"),
            ("experiment", #"Compare("t", on: Shapes(), runs: [Run("a", loss: .binaryCrossEntropy(posWeight: posWeight), epochs: epochs)])"#),
        ])
        let lesson = try EvaluationFixture.lesson(markdown)
        let plan = try PlanResolutionTests.lowered(lesson).plan
        let cases: [[String: String]] = [
            ["epochs": "2.5"], ["epoch": "3"], ["epochs": "("], ["posWeight": "3"], ["posWeight": ".balancd"], ["epochs": "{ 3 }"],
            ["epochs": "0"], ["rate": "abc"], ["rate": "\"x\""], ["posWeight": ".balanced(scale: -1)"], ["posWeight": ".balanced(scal: 1)"],
            ["posWeight": ".fixed"], ["epochs": "99999999999999999999"], ["rate": "1e999"], ["epochs": "Shapes()"], ["rate": "nil"],
            ["epochs": "1 / 0"], ["posWeight": ".balanced(scale: 1, 2)"], ["epochs": "[1]"], ["epochs": "12", "rate": "[0.5]"],
        ]
        func lines(_ list: DiagnosticList) -> [String] {
            list.diagnostics.map { d in (d.location.map { "\($0.line):\($0.column): " } ?? "") + d.message }
        }
        for set in cases {
            let native = try EvaluationFixture.diagnostics(markdown, overrides: set)
            XCTAssertFalse(native.isEmpty, "\(set)")
            let typed = set.sorted { $0.key < $1.key }.map { (name: $0.key, source: $0.value) }
            guard case .failure(let list) = PlanResolver.resolve(plan, typed: typed, path: lesson.path) else { XCTFail("\(set) resolves"); continue }
            XCTAssertEqual(lines(list), native, "\(set)")
        }
        XCTAssertEqual(try EvaluationFixture.diagnostics(markdown, overrides: ["rate": "abc"]),
                       ["10:5: --set rate=abc: cannot find 'abc' in scope"])
    }
}
