import Foundation
@testable import Experiments
import XCTest

/// The API types are plain values: Codable round trips, equal specs hash alike,
/// and every described type's documentation is present for the reference page.
final class APIValueTypeTests: XCTestCase {
    func testRunAndCompareRoundTripThroughJSON() throws {
        let run = Run("weighted", model: CNN(filters: [8], dense: []), head: .sigmoid,
                      loss: .binaryCrossEntropy(posWeight: .balanced(scale: 0.5)), sampleWeight: .kerasClassWeight([1, 2]),
                      optimizer: .sgd(learningRate: 0.1, momentum: 0.9, nesterov: true), epochs: 3, batchSize: 16,
                      threshold: .tuned(maximizing: .f1), outputBias: .prior, seed: 7)
        let compare = Compare(title: "t", dataset: Shapes(train: 10, test: 5).source, runs: [run, Run("plain")])
        let decoded = try JSONDecoder().decode(Compare.self, from: JSONEncoder().encode(compare))
        XCTAssertEqual(decoded, compare)
        XCTAssertEqual(decoded.hashValue, compare.hashValue)
        XCTAssertNotEqual(Run("a", epochs: 3), Run("a", epochs: 4))
        XCTAssertEqual(PosWeight.balanced(scale: 2), .scaledBalanced(scale: 2))
        XCTAssertEqual(Loss.focal().head, .sigmoid)
        XCTAssertEqual(Loss.sparseSoftmaxCrossEntropy().head, .softmax)
    }

    func testCatalogDescribesEveryTypeItNames() {
        let catalog = APICatalog.standard
        for type in catalog.types {
            XCTAssertFalse(type.doc.isEmpty, type.name)
            for member in type.members {
                XCTAssertFalse(member.doc.isEmpty, "\(type.name).\(member.name)")
                for argument in member.arguments ?? [] {
                    XCTAssertFalse(argument.doc.isEmpty, "\(type.name).\(member.name).\(argument.name)")
                    if case .api(let name) = argument.kind { XCTAssertNotNil(catalog.type(named: name), name) }
                }
            }
            for p in type.conformsTo { XCTAssertEqual(catalog.type(named: p)?.isProtocol, true, p) }
        }
        XCTAssertEqual(catalog.conformers(of: "DatasetSpecification"), ["Shapes", "FashionMosaics", "NumpyDataset", "IDXDataset"])
    }
}
