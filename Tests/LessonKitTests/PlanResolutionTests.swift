import Experiments
import Foundation
@testable import LessonKit
import XCTest

/// Resolving matches running: for every course lesson and `--set` values of every
/// kind (a swept parameter, dataset parameters, loss weights, seeds, claim
/// margins), the lesson's plan.json, read back and resolved with the values,
/// gives exactly the run specs — cache keys — that `lessons run --set` trains.
final class PlanResolutionTests: XCTestCase {
    /// At least five `--set` values per lesson with parameters.
    static let settings: [String: [[String: String]]] = [
        "00-welcome": [[:]],
        "01-logits-and-heads": [["epochs": "3"], ["threshold": "0.3"], ["seed": "4"], ["softmaxThreshold": "0.2"],
                                ["epochs": "5", "seed": "2"]],
        "02-measuring-rare-labels": [["rarePrevalence": "0.05"], ["epochs": "4"], ["threshold": "0.4"], ["seed": "7"],
                                     ["myThreshold": "0.3"], ["rarePrevalence": "0.1", "seed": "3"]],
        "03-weighted-loss": [["posWeightScale": "2"], ["rarePrevalence": "0.05"], ["trainImages": "2_000"],
                             ["classWeights": "[1.0, 1.0, 2.0, 2.0, 5.0]"], ["epochs": "4"], ["seed": "3"], ["crossWeight": "3.0"],
                             ["posWeightScale": "0.25", "rarePrevalence": "0.04"]],
        "04-thresholds-focal-real-data": [["epochs": "3"], ["validationImages": "250"], ["focalGamma": "1.0"],
                                          ["focalAlpha": "0.5"], ["aslGammaNegative": "2.0"], ["seed": "2"], ["leakMargin": "0.1"]],
        "05-training-dynamics": [["epochs": "12"], ["learningRate": "0.001"], ["patience": "8"], ["smoothing": "0.02"],
                                 ["trainImages": "4_000"], ["seed": "11"], ["myEpochs": "7"], ["epochs": "6", "myEpochs": "6"]],
    ]

    /// Every run spec a resolved lesson trains, in order: comparisons' replicas, then sweep points'.
    /// File fingerprints are left out (course lessons generate their data, or read files the cache
    /// key stamps the same way for both paths).
    static func keys(_ resolved: ResolvedLesson) throws -> [String] {
        let compares = resolved.comparisons.map(\.compare) + resolved.sweeps.flatMap(\.points)
        return try compares.flatMap { compare in
            try compare.replicas.flatMap { replica in
                try replica.runs.map { run in
                    try RunSpec(run: run, dataset: DatasetKey(kind: String(describing: type(of: replica.dataset.spec)),
                                                             spec: CanonicalJSON.string(replica.dataset))).hash()
                }
            }
        }
    }

    static func lesson(_ id: String) throws -> Lesson {
        let url = RepositoryRoot.url.appendingPathComponent("Lessons/\(id).md")
        return try Lesson(path: "Lessons/\(id).md", markdown: String(contentsOf: url, encoding: .utf8))
    }

    static func lowered(_ lesson: Lesson, _ overrides: [String: String] = [:]) throws -> LoweredLesson {
        switch Evaluator.lower(lesson, overrides: overrides) {
        case .success(let l): return l
        case .failure(let list): throw list
        }
    }

    func testEveryCourseLessonIsCovered() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: RepositoryRoot.url.appendingPathComponent("Lessons").path)
        XCTAssertEqual(Set(files.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }), Set(Self.settings.keys))
        for (id, sets) in Self.settings where !(try Self.lowered(Self.lesson(id)).plan.parameters.isEmpty) {
            XCTAssertGreaterThanOrEqual(sets.count, 5, id)
        }
    }

    func testResolvingPlanJSONGivesTheRunSpecsOfRunningWithSet() throws {
        for (id, sets) in Self.settings.sorted(by: { $0.key < $1.key }) {
            let lesson = try Self.lesson(id)
            // plan.json as the site writer writes it: the lesson lowered with its own values.
            let text = PlanJSON.text(try Self.lowered(lesson).plan, lessonFile: "\(id).md")
            let published = try PlanJSON.read(text)
            for set in sets {
                // What `lessons run --set` trains.
                guard case .success(let running) = Evaluator.evaluate(lesson, overrides: set) else {
                    return XCTFail("\(id) \(set) does not evaluate")
                }
                // The same values given to the published plan.
                let settings = try Self.lowered(lesson, set).settings
                XCTAssertEqual(Set(settings.keys), Set(set.keys))
                let claims = try published.claims.map { try Expectation($0) }
                guard case .success(let resolved) = PlanResolver.resolve(published, settings: settings, expectations: claims,
                                                                         path: lesson.path) else {
                    return XCTFail("\(id) \(set): plan.json does not resolve")
                }
                // The claims too: each number read from a parameter takes the value given.
                XCTAssertEqual(resolved.expectations.map(\.check), running.expectations.map(\.check), "\(id) \(set)")
                XCTAssertEqual(resolved.expectations.map(\.inAtLeast), running.expectations.map(\.inAtLeast), "\(id) \(set)")
                XCTAssertEqual(resolved.expectations.map(\.sanityCheck), running.expectations.map(\.sanityCheck), "\(id) \(set)")
                let expected = try Self.keys(running)
                XCTAssertFalse(expected.isEmpty && id != "00-welcome", "\(id) trains nothing")
                XCTAssertEqual(try Self.keys(resolved), expected, "\(id) \(set)")
                XCTAssertEqual(resolved.sweeps.map(\.valueSources), running.sweeps.map(\.valueSources), "\(id) \(set)")
                XCTAssertEqual(resolved.comparisons.map(\.title), running.comparisons.map(\.title), "\(id) \(set)")
                XCTAssertEqual(resolved.parameters, running.parameters, "\(id) \(set)")
            }
        }
    }

    /// The values reach the runs they should: a swept parameter moves the sweep's
    /// comparison runs, a dataset parameter every run on that dataset.
    func testSetValuesChangeWhatTrains() throws {
        let lesson = try Self.lesson("03-weighted-loss")
        guard case .success(let base) = Evaluator.evaluate(lesson) else { return XCTFail("does not evaluate") }
        let baseKeys = Set(try Self.keys(base))
        for (set, changed) in [(["posWeightScale": "2"], 1...20), (["rarePrevalence": "0.05"], 20...1000)] {
            guard case .success(let other) = Evaluator.evaluate(lesson, overrides: set) else { return XCTFail("\(set)") }
            let moved = try Self.keys(other).filter { !baseKeys.contains($0) }.count
            XCTAssertTrue(changed.contains(moved), "\(set) changed \(moved) run specs")
        }
    }

    /// A claim's margin read from a parameter follows `--set` and retrains nothing.
    func testAClaimReadingAParameterFollowsTheValue() throws {
        let markdown = "# Margins\n\n```swift parameters\nlet margin = 0.0\n```\n\n```swift experiment\n"
            + #"Compare("c", on: Shapes(train: 64, test: 32), runs: [Run("a", epochs: 1), Run("b", epochs: 2)])"#
            + "\n```\n\n```swift expect\n" + #"expect(results["a"].macroF1 >= results["b"].macroF1 - margin)"#
            + "\n" + #"expect(results["a"].macroF1 >= 0)"# + "\n```\n"
        let lesson = try Lesson(path: "Lessons/margins.md", markdown: markdown)
        guard case .success(let base) = Evaluator.evaluate(lesson),
              case .success(let set) = Evaluator.evaluate(lesson, overrides: ["margin": "0.1"]) else { return XCTFail() }
        let changed = zip(base.expectations, set.expectations).filter { $0.0.check != $0.1.check }
        XCTAssertEqual(changed.count, 1)
        XCTAssertTrue(changed.first.map { "\($0.1.check)".contains("0.1") } ?? false)
        XCTAssertEqual(Set(try Self.keys(base)), Set(try Self.keys(set)), "a claim's margin retrains nothing")
    }

    /// The lesson's own values resolve to the cache keys its committed results were trained
    /// under, so `lessons run` finds every run in the existing cache.
    func testDeclaredValuesResolveToThePublishedCacheKeys() throws {
        for id in Self.settings.keys.sorted() where id != "00-welcome" {
            let lesson = try Self.lesson(id)
            guard case .success(let resolved) = Evaluator.evaluate(lesson) else { return XCTFail("\(id) does not evaluate") }
            let data = try Data(contentsOf: RepositoryRoot.url.appendingPathComponent("site/\(id)/results.json"))
            let published = Set(Self.specHashes(in: try JSONSerialization.jsonObject(with: data)))
            // Generated data only: a file dataset's key also stamps its files, outside the repository.
            let generated = resolved.comparisons.map(\.compare).filter { if case .shapes = $0.dataset { return true }; return false }
            XCTAssertFalse(generated.isEmpty, id)
            for compare in generated {
                for replica in compare.replicas {
                    for run in replica.runs {
                        let hash = try RunSpec(run: run, dataset: DatasetKey(replica.dataset)).hash()
                        XCTAssertTrue(published.contains(hash), "\(id): \(compare.title) / \(run.name) is not in results.json")
                    }
                }
            }
            // Sweep points record their run as specified (seed of the first replica) beside the dataset's hash.
            let sweeps = (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["sweeps"] as? [[String: Any]] ?? []
            XCTAssertEqual(sweeps.count, resolved.sweeps.count, id)
            for (sweep, recorded) in zip(resolved.sweeps, sweeps) {
                let points = recorded["points"] as? [[[String: Any]]] ?? []
                XCTAssertEqual(points.count, sweep.points.count, id)
                for (point, runs) in zip(sweep.points, points) {
                    for (run, entry) in zip(point.replicas[0].runs, runs) {
                        let mine = try JSONSerialization.jsonObject(with: Data(CanonicalJSON.string(run).utf8)) as? NSDictionary
                        XCTAssertEqual(mine, entry["spec"] as? NSDictionary, "\(id): \(sweep.title) / \(run.name)")
                    }
                }
            }
        }
    }

    static func specHashes(in json: Any) -> [String] {
        if let object = json as? [String: Any] {
            let own = (object["specHash"] as? String).map { [$0] } ?? []
            return own + object.values.flatMap { specHashes(in: $0) }
        }
        if let array = json as? [Any] { return array.flatMap { specHashes(in: $0) } }
        return []
    }
}
