import Experiments
@testable import LessonKit
import PortableJSON
import XCTest

/// plan.json round-trips: every course lesson's plan and a plan using every form
/// of expression read back equal, and write back byte for byte.
final class PlanJSONTests: XCTestCase {
    func testCourseLessonPlansRoundTrip() throws {
        for id in PlanResolutionTests.settings.keys.sorted() {
            let plan = try PlanResolutionTests.lowered(PlanResolutionTests.lesson(id)).plan
            let text = PlanJSON.text(plan, lessonFile: "\(id).md")
            let back = try PlanJSON.read(text)
            XCTAssertEqual(back.parameters, plan.parameters, id)
            XCTAssertEqual(back.bindings, plan.bindings, id)
            XCTAssertEqual(back.comparisons, plan.comparisons, id)
            XCTAssertEqual(back.sweeps, plan.sweeps, id)
            XCTAssertEqual(back.claims, plan.claims, id)
            XCTAssertEqual(back, plan, id)
            XCTAssertEqual(PlanJSON.text(back, lessonFile: "\(id).md"), text, id)
        }
    }

    func testEveryFormOfExpressionRoundTrips() throws {
        let markdown = EvaluationFixture.blocks([
            ("parameters", "let lr = 0.001\nlet epochs = 4\nlet name = \"adam\"\nlet weights: [Double] = [1, 2.5]\nlet on = true\nlet w: PosWeight = .balanced(scale: 0.5)"),
            ("experiment", """
            let shapes = Shapes(labels: ["circle", "ring"], prevalence: [0.3, 0.1], together: ["ring": "circle"], train: 200, test: 100)
            Compare("t \\(lr) \\(on)", on: shapes, seeds: [1, epochs], runs: [
                Run("a \\(name)", model: MLP(hidden: [epochs * 8, 4]), loss: .binaryCrossEntropy(posWeight: w),
                    optimizer: .adam(learningRate: lr * 2), epochs: -(-epochs) + 1),
                Run("b", loss: .binaryCrossEntropy(posWeight: .fixed(weights)), epochs: epochs % 3 + 1),
            ])
            Sweep("s", parameter: "epochs", values: [2, 3], runs: ["a adam"])
            """),
        ])
        let lesson = try EvaluationFixture.lesson(markdown)
        let (plan, text, back) = try Self.readBack(lesson)
        // The parameters stay slots: nothing read from them was folded into a constant.
        XCTAssertEqual(Set(plan.comparisons[0].node.parameterNames), ["lr", "on", "epochs", "name", "w", "weights"])
        for form in ["\"binary\"", "\"prefix\"", "\"interpolation\"", "\"literal\"", "\"dictionary\"", "\"named\"", "\"double\""] {
            XCTAssertTrue(text.contains(form), "plan.json has no \(form)")
        }
        // Resolving the read plan with other values retrains what they reach.
        let settings = try PlanResolutionTests.lowered(lesson, ["epochs": "6", "lr": "0.01"]).settings
        guard case .success(let resolved) = PlanResolver.resolve(back, settings: settings, path: lesson.path) else {
            return XCTFail("does not resolve")
        }
        let runs = resolved.comparisons[0].runs
        XCTAssertEqual(runs.map(\.epochs), [7, 1])
        XCTAssertEqual(runs[0].optimizer, .adam(learningRate: 0.02))
        XCTAssertEqual(resolved.comparisons[0].compare.seeds, Seeds([1, 6]))
        XCTAssertEqual(resolved.comparisons[0].title, "t 0.01 true")
    }

    /// Claims with abs, min and max, and approximately per seed, round-trip too.
    func testClaimFunctionsAndPerSeedApproximatelyRoundTrip() throws {
        let lesson = try EvaluationFixture.lesson(EvaluationFixture.blocks([
            ("parameters", "let margin = 0.5"),
            ("experiment", """
            Compare("t", on: Shapes(labels: ["circle", "ring"], prevalence: [0.3, 0.1], train: 40, test: 20), seeds: 3,
                    runs: [Run("a", epochs: 1), Run("b", epochs: 1)])
            """),
            ("expect", """
            expect(abs(results["a"].macroF1 - results["b"].macroF1) < margin, inAtLeast: 2)
            expect(max(results["a"].macroF1, results["b"].macroF1) >= min(results["a"].recall("ring"), 1, margin))
            expect(results["a"].macroF1, approximately: results["b"].macroF1, tolerance: margin, inAtLeast: 2)
            """),
        ]))
        let (plan, text, _) = try Self.readBack(lesson)
        XCTAssertEqual(plan.claims.count, 3)
        for name in ["\"abs\"", "\"max\"", "\"min\"", "\"approximately\"", "\"inAtLeast\": 2"] {
            XCTAssertTrue(text.contains(name), "plan.json has no \(name)")
        }
    }

    /// The lesson's plan, its plan.json and the plan read back from it, checked equal and rewritten byte for byte.
    static func readBack(_ lesson: Lesson, file: StaticString = #filePath, line: UInt = #line) throws
        -> (plan: LessonPlan, text: String, back: LessonPlan) {
        let plan = try PlanResolutionTests.lowered(lesson).plan
        let text = PlanJSON.text(plan, lessonFile: "test.md")
        let back = try PlanJSON.read(text)
        XCTAssertEqual(back, plan, file: file, line: line)
        XCTAssertEqual(PlanJSON.text(back, lessonFile: "test.md"), text, file: file, line: line)
        return (plan, text, back)
    }

    func testWritingIsCanonical() throws {
        let value = JSONValue.object(["b": .array([.number(1), .string("x\"\n\u{1}")]), "a": .null, "é": .bool(true),
                                      "c": .array([.object(["d": .number(0.02)])])])
        XCTAssertEqual(value.indentedText,
                       "{\n  \"a\": null,\n  \"b\": [1, \"x\\\"\\n\\u0001\"],\n  \"c\": [\n    {\n      \"d\": 0.02\n    }\n  ],\n  \"é\": true\n}\n")
        XCTAssertEqual(try JSONValue(parsing: value.indentedText), value)
    }

    func testNotAPlanIsRefusedWithWhy() {
        for (text, message) in [("{", "plan.json is not JSON (JSON at byte 1"),
                                ("{\"format\": \"x\"}", "not a lessons plan (format is not 'lessons-plan')"),
                                ("{\"format\": \"lessons-plan\", \"version\": 9}", "plan.json version 9 is not 1"),
                                ("[1, 2] x", "plan.json is not JSON (JSON at byte 7"),
                                ("{\"format\": \"lessons-plan\", \"version\": 1, \"parameters\": [{\"double\": 1e999}]}",
                                 "plan.json is not JSON")] {
            XCTAssertThrowsError(try PlanJSON.read(text), text) { XCTAssertTrue("\($0)".hasPrefix(message), "\($0)") }
        }
    }
}

/// A plan read from elsewhere is checked against the lesson API before anything is
/// built from it: a value of the wrong type, a missing argument or an unknown member
/// is an error at its place, never a crash.
final class PlanJSONCheckTests: XCTestCase {
    func testAPlanThatLiesIsRefusedAtThePlace() throws {
        let lesson = try EvaluationFixture.lesson(EvaluationFixture.blocks([
            ("parameters", "let epochs = 2"),
            ("experiment", """
            Compare("t", on: Shapes(labels: ["ring"], prevalence: [0.1], train: 50, test: 20), runs: [Run("a", epochs: epochs)])
            """),
        ]))
        let text = PlanJSON.text(try PlanResolutionTests.lowered(lesson).plan, lessonFile: "test.md")
        let lies: [(String, String, String)] = [
            // The head given an integer.
            ("\"type\": \"Head\"", "\"int\": 3,\n\"type\": \"Head\"", "the plan gives a value of type 'Int' where it says 'Head'"),
            // A member the API does not have.
            ("\"signature\": \"Run(_:model:head:loss:sampleWeight:optimizer:epochs:batchSize:schedule:clipNorm:earlyStopping:threshold:outputBias:logitShift:augmentation:seed:)\"",
             "\"signature\": \"Run(_:model:)\"", "the plan calls 'Run(_:model:)' of 'Run'"),
            // An argument left out.
            ("\"name\": \"epochs\"", "\"name\": \"epoch\"", "the plan leaves out argument 'epochs'"),
            // Text where the epochs go.
            ("\"parameter\": \"epochs\"", "\"parameter\": \"epochs\",\n\"string\": \"x\"",
             "the plan gives a value of type 'String' where it says 'Int'"),
        ]
        for (find, replace, message) in lies {
            let corrupted = text.replacingOccurrences(of: find, with: replace)
            XCTAssertNotEqual(corrupted, text, find)
            let plan = try PlanJSON.read(corrupted)
            guard case .failure(let list) = PlanResolver.resolve(plan, path: lesson.path) else {
                XCTFail("\(find): resolved"); continue
            }
            XCTAssertTrue(list.diagnostics.contains { $0.message.hasPrefix(message) && $0.location != nil },
                          "\(find): \(list.diagnostics.map(\.message))")
        }
    }
}

/// Mutants of a course lesson's plan.json (numbers, strings and lines changed,
/// deterministically) are read and resolved: each is refused with a reason or
/// resolves, and none crashes.
final class PlanJSONMutantTests: XCTestCase {
    func testMutatedPlansAreRefusedOrResolvedNeverCrash() throws {
        let lesson = try PlanResolutionTests.lesson("01-logits-and-heads")
        let lines = PlanJSON.text(try PlanResolutionTests.lowered(lesson).plan, lessonFile: "01.md").split(separator: "\n",
                                                                                                          omittingEmptySubsequences: false)
        var rng = SystemRandomNumberGenerator.Seeded(seed: 7)
        let numbers = ["-1", "0", "3", "999999999", "2147483648", "1e300", "-0.5"]
        let texts = ["\"\"", "\"ring\"", "\"Loss\"", "\"[Int]\"", "\"head\"", "null", "[]", "{}"]
        var outcomes = (refused: 0, failed: 0, resolved: 0)
        for _ in 0..<300 {
            var mutated = lines
            let i = Int(rng.next() % UInt64(lines.count))
            let line = String(mutated[i])
            switch rng.next() % 3 {
            case 0:  // a number replaced
                guard let r = line.range(of: #"-?[0-9][0-9.e+-]*"#, options: .regularExpression) else { continue }
                mutated[i] = Substring(line.replacingCharacters(in: r, with: numbers[Int(rng.next() % UInt64(numbers.count))]))
            case 1:  // a value replaced
                guard let colon = line.range(of: ": ") else { continue }
                let end = line.hasSuffix(",") ? "," : ""
                mutated[i] = Substring(line[..<colon.upperBound] + texts[Int(rng.next() % UInt64(texts.count))] + end)
            default:  // a line dropped
                mutated.remove(at: i)
            }
            guard let plan = try? PlanJSON.read(mutated.joined(separator: "\n")) else { outcomes.refused += 1; continue }
            switch PlanResolver.resolve(plan, path: lesson.path) {
            case .failure(let list):
                XCTAssertFalse(list.diagnostics.isEmpty)
                outcomes.failed += 1
            case .success: outcomes.resolved += 1
            }
        }
        // Every kind of outcome happens, so the mutants reach the resolver's checks.
        XCTAssertGreaterThan(outcomes.refused, 0)
        XCTAssertGreaterThan(outcomes.failed, 0)
        XCTAssertGreaterThan(outcomes.resolved, 0)
    }
}

extension SystemRandomNumberGenerator {
    /// A small deterministic generator (SplitMix64) for reproducible mutants.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
