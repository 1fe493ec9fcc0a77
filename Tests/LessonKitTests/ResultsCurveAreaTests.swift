import Foundation
import XCTest
import Experiments
@testable import LessonKit

/// A stored precision–recall curve is the label's steps: for every run, seed and
/// label in a `results.json`, the area under the stored steps is the AP it reports,
/// to 1e-9 — in a fresh run's file and in every committed `site/*/results.json`.
final class ResultsCurveAreaTests: XCTestCase {
    private var cache: URL!

    override func setUpWithError() throws {
        cache = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-curves-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: cache) }

    private var repository: URL { RepositoryRoot.url }

    /// Every measured result in a `results.json` (comparisons, seeds, sweeps): the
    /// objects holding both `perLabel` and `precisionRecallCurves`.
    static func measured(in json: Any) -> [[String: Any]] {
        if let object = json as? [String: Any] {
            let own = object["perLabel"] != nil && object["precisionRecallCurves"] != nil ? [object] : []
            return own + object.values.flatMap(measured)
        }
        if let array = json as? [Any] { return array.flatMap(measured) }
        return []
    }

    /// Every curve of the file: how many were checked, and each one whose area is not its AP.
    static func curveAreas(_ data: Data) throws -> (checked: Int, wrong: [String]) {
        var checked = 0, wrong: [String] = []
        for metrics in measured(in: try JSONSerialization.jsonObject(with: data)) {
            let labels = metrics["perLabel"] as? [[String: Any]] ?? []
            for curve in metrics["precisionRecallCurves"] as? [[String: Any]] ?? [] {
                let name = curve["label"] as? String ?? "?"
                let recall = curve["recall"] as? [Double] ?? [], precision = curve["precision"] as? [Double] ?? []
                let area = PrecisionRecallCurve(label: name, recall: recall, precision: precision).stepArea
                let ap = labels.first { $0["label"] as? String == name }?["averagePrecision"] as? Double ?? .nan
                if !(abs(area - ap) <= 1e-9) || recall.count != precision.count || recall != recall.sorted() {
                    wrong.append("\(name): area \(area), AP \(ap)")
                }
                checked += 1
            }
        }
        return (checked, wrong)
    }

    func testAFreshRunsCurvesHaveTheirAPAsArea() throws {
        let comparison = LessonRunner.Comparison(title: "t", dataset: TinyData.shapes(), seeds: [1, 2],
                                                 runs: [TinyRuns.run("plain"), TinyRuns.run("other", epochs: 1)], blockIndex: 2)
        let outcome = try TinyRuns.runner(cache: cache).run([comparison])
        let results = LessonResults(lessonFile: "01-t.md", lessonID: "01-t", title: "T", parameters: [],
                                    comparisons: [comparison], outcome: outcome, expectations: [])
        let (checked, wrong) = try Self.curveAreas(try results.document.encoded())
        XCTAssertEqual(wrong, [])
        // 2 runs × 2 seeds × 3 labels, plus each run's first seed again as its `result`.
        XCTAssertGreaterThanOrEqual(checked, 12)
    }

    func testEveryPublishedResultsFilesCurvesHaveTheirAPAsArea() throws {
        let site = repository.appendingPathComponent("site")
        let pages = (try? FileManager.default.contentsOfDirectory(atPath: site.path)) ?? []
        var checked = 0
        for page in pages.sorted() {
            let path = site.appendingPathComponent(page).appendingPathComponent("results.json").path
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let found = try Self.curveAreas(data)
            checked += found.checked
            XCTAssertEqual(found.wrong.count, 0, "site/\(page)/results.json: \(found.wrong.count) of \(found.checked) stored curves "
                           + "do not have their AP as area (first: \(found.wrong.first ?? "")); re-render the site with this lessons")
        }
        XCTAssertGreaterThan(checked, 0, "no results.json under site/")
    }
}
