import Foundation
import PortableJSON
@testable import LessonKit
import XCTest

/// `lessons_resolve_plan`'s answer (`RerunResolution.moduleAnswer`): lesson 03's published plan.json with
/// `--set` values gives the located messages `lessons run --set` prints, natively and in
/// lessons.wasm under node, and the values it resolves.
final class ResolveRequestTests: XCTestCase {
    static let lesson = "03-weighted-loss"

    static func request(_ set: [(String, String)]) throws -> Data {
        let plan = try JSONValue(parsing: try String(contentsOf: RepositoryRoot.url.appendingPathComponent("site/\(lesson)/plan.json"),
                                                     encoding: .utf8))
        let pairs = JSONValue.array(set.map { .array([.string($0.0), .string($0.1)]) })
        return Data(JSONValue.object(["plan": plan, "set": pairs]).text.utf8)
    }

    /// What `lessons run Lessons/03-weighted-loss.md --set ...` reports, as `line:col: message`.
    static func native(_ set: [String: String]) throws -> [String] {
        guard case .failure(let list) = Evaluator.evaluate(try PlanResolutionTests.lesson(lesson), overrides: set) else { return [] }
        return list.diagnostics.map { d in (d.location.map { "\($0.line):\($0.column): " } ?? "") + d.message }
    }

    static func messages(_ answer: String) throws -> [String] {
        guard case .array(let errors)? = try JSONValue(parsing: answer)["errors"] else { return [] }
        return errors.compactMap { $0["message"]?.asString }
    }

    func testBadValuesGetTheMessagesLessonsRunPrints() throws {
        for set in [["epochs": "0"], ["epochs": "2.5"], ["seed": "-1"], ["posWeightScale": "\"x\""], ["rarePrevalence": "1_000"],
                    ["epoch": "3"], ["epochs": "1001", "rarePrevalence": "-0.5"]] {
            let expected = try Self.native(set)
            XCTAssertFalse(expected.isEmpty, "\(set) is accepted natively")
            let answer = RerunResolution.moduleAnswer(Array(try Self.request(set.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })))
            XCTAssertEqual(try Self.messages(answer), expected, "\(set)")
        }
        let answer = try JSONValue(parsing: RerunResolution.moduleAnswer(Array(try Self.request([("epochs", "0")]))))
        guard case .array(let errors)? = answer["errors"] else { return XCTFail("no errors") }
        XCTAssertEqual(errors.first?["parameter"]?.asString, "epochs")
    }

    func testLiteralValuesResolve() throws {
        let set = [("trainImages", "2_000"), ("posWeightScale", "2"), ("rarePrevalence", "0.05"), ("seed", "3")]
        let answer = try JSONValue(parsing: RerunResolution.moduleAnswer(Array(try Self.request(set))))
        guard case .array(let parameters)? = answer["parameters"] else { return XCTFail("not resolved: \(answer.text)") }
        for (name, source) in set {
            let p = parameters.first { $0["name"]?.asString == name }
            XCTAssertEqual(p?["value"]?.asString, source, name)
            XCTAssertEqual(p?["overridden"], .bool(true), name)
        }
        guard case .success(let native) = Evaluator.evaluate(try PlanResolutionTests.lesson(Self.lesson),
                                                             overrides: Dictionary(uniqueKeysWithValues: set)) else { return XCTFail() }
        XCTAssertEqual(Set(answer["pairs"]?.asArray?.compactMap { $0["comparison"]?.asInt } ?? []).count, native.comparisons.count)
        XCTAssertEqual(try Self.messages(RerunResolution.moduleAnswer(Array("{\"set\": []}".utf8))), ["the request has no 'plan'"])
    }

    /// lessons.wasm answers as the native resolver does (skipped without node or the module,
    /// unless LESSONS_REQUIRE_WASM=1; LESSONS_WASM names a module built elsewhere).
    func testTheModuleReportsTheLocatedMessageOfLessonsRun() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("resolve-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let request = try Self.request([("epochs", "0")])
        let answer = try WasmUnderNode.run("resolve-node.mjs", inputs: [("request.json", request)], in: folder)
        XCTAssertEqual(try Self.messages(answer), try Self.native(["epochs": "0"]))
        XCTAssertEqual(answer, RerunResolution.moduleAnswer(Array(request)))
    }
}
