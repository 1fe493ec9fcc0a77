import Foundation
import XCTest
@testable import NeuralCore

/// The library reference values, `Fixtures/reference/losses-and-metrics.json` (a copy
/// of the project's shared reference; its README beside it gives the provenance:
/// TF/Keras, PyTorch, JAX + optax and scikit-learn versions, and how each value was
/// cross-checked). The tests read only this copy, so they pass wherever the
/// repository is cloned.
struct ReferenceData {
    struct Array64 { var shape: [Int]; var values: [Double] }
    struct Case {
        var id: String, op: String, dtype: String
        var arrays: [String: String], scalars: [String: Double], options: [String: String]
        var output: Array64
        var notes: String?
    }

    let inputs: [String: Array64]
    let cases: [Case]

    /// The fixture's location, found from this file (`Tests/NeuralCoreTests/Support/`).
    static func locate(filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/reference/losses-and-metrics.json")
    }

    static func load() throws -> ReferenceData {
        let url = locate()
        guard FileManager.default.fileExists(atPath: url.path) else {
            XCTFail("reference file missing at \(url.path)")
            throw CocoaError(.fileNoSuchFile)
        }
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        func array(_ any: Any) -> Array64 {
            let d = any as! [String: Any]
            return Array64(shape: (d["shape"] as! [Any]).map { ($0 as! NSNumber).intValue },
                           values: (d["values"] as! [Any]).map { ($0 as! NSNumber).doubleValue })
        }
        let inputs = (root["inputs"] as! [String: Any]).mapValues(array)
        let cases = (root["cases"] as! [[String: Any]]).map { c in
            Case(id: c["id"] as! String, op: c["op"] as! String, dtype: c["dtype"] as! String,
                 arrays: c["arrays"] as? [String: String] ?? [:],
                 scalars: (c["scalars"] as? [String: Any] ?? [:]).mapValues { ($0 as! NSNumber).doubleValue },
                 options: (c["options"] as? [String: Any] ?? [:]).mapValues { "\($0)" },
                 output: array(c["output"]!), notes: c["notes"] as? String)
        }
        return ReferenceData(inputs: inputs, cases: cases)
    }

    /// An input as a Float tensor (the product computes on Float32 inputs).
    func tensor(_ c: Case, _ role: String) -> Tensor? {
        guard let name = c.arrays[role], let a = inputs[name] else { return nil }
        return Tensor(shape: a.shape, storage: a.values.map { Float($0) })
    }

    func floats(_ c: Case, _ role: String) -> [Float]? { tensor(c, role)?.storage }
}

/// Coverage bookkeeping, so a silently skipped case family cannot pass unnoticed.
final class CaseLedger {
    private(set) var covered: [String] = []
    private(set) var skipped: [(id: String, why: String)] = []
    private(set) var deviations: [String] = []
    func cover(_ id: String) { covered.append(id) }
    func skip(_ id: String, _ why: String) { skipped.append((id, why)) }
    func deviate(_ note: String) { deviations.append(note) }
}

/// |a − b| ≤ rtol·|b| + atol, elementwise, with a message naming the case and index.
func assertClose(_ actual: [Double], _ expected: [Double], rtol: Double, atol: (Int) -> Double,
                 _ id: String, skip: Set<Int> = [], file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual.count, expected.count, "\(id): length", file: file, line: line)
    guard actual.count == expected.count else { return }
    for i in expected.indices where !skip.contains(i) {
        let a = actual[i], b = expected[i]
        let ok = a == b || abs(a - b) <= rtol * abs(b) + atol(i)
        if !ok { XCTFail("\(id)[\(i)]: got \(a), expected \(b)", file: file, line: line) }
    }
}
