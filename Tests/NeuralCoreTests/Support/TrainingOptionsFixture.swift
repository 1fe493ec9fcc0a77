import Foundation
import XCTest
@testable import NeuralCore

/// `Fixtures/reference/training-options.json`, written by
/// `scripts/reference/training_options.py` with Keras, PyTorch and optax (versions in the
/// file and in the README beside it). Read as plain JSON objects: each test picks its section.
struct TrainingOptionsFixture {
    let root: [String: Any]

    static func load() throws -> TrainingOptionsFixture {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/reference/training-options.json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        return TrainingOptionsFixture(root: object as! [String: Any])
    }

    func section(_ name: String) -> [[String: Any]] { root[name] as! [[String: Any]] }

    func object(_ name: String) -> [String: Any] { root[name] as! [String: Any] }
}

/// Typed reads of one fixture case.
extension Dictionary where Key == String, Value == Any {
    func double(_ key: String) -> Double { (self[key] as! NSNumber).doubleValue }
    func optionalDouble(_ key: String) -> Double? { (self[key] as? NSNumber)?.doubleValue }
    func int(_ key: String) -> Int { (self[key] as! NSNumber).intValue }
    func string(_ key: String) -> String { self[key] as! String }
    func doubles(_ key: String) -> [Double] { (self[key] as! [Any]).map { ($0 as! NSNumber).doubleValue } }
    func optionalFloats(_ key: String) -> [Float]? { (self[key] as? [Any])?.map { ($0 as! NSNumber).floatValue } }
    /// A `{shape, values}` array.
    func array(_ key: String) -> (shape: [Int], values: [Double]) {
        let a = self[key] as! [String: Any]
        return ((a["shape"] as! [Any]).map { ($0 as! NSNumber).intValue }, a.doubles("values"))
    }
    func tensor(_ key: String) -> Tensor {
        let a = array(key)
        return Tensor(shape: a.shape, storage: a.values.map { Float($0) })
    }
}
