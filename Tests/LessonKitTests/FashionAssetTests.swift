import XCTest
import Datasets
@testable import LessonKit

/// Which courses need the Fashion-MNIST site asset, and where it lies for a module.
final class FashionAssetTests: XCTestCase {
    private func comparison(_ dataset: DatasetSource, alsoTestOn: [String: DatasetSource]? = nil) -> LessonRunner.Comparison {
        LessonRunner.Comparison(title: "c", dataset: dataset, runs: [], blockIndex: 0, alsoTestOn: alsoTestOn)
    }

    func testOnlyMosaicsFromTheSystemCopyNeedTheAsset() {
        let shapes = DatasetSource.shapes(Shapes(labels: ["circle"], prevalence: [0.5]))
        XCTAssertTrue(FashionAsset.isNeeded(by: [comparison(shapes), comparison(.fashionMosaics(FashionMosaics()))]))
        XCTAssertTrue(FashionAsset.isNeeded(by: [comparison(shapes, alsoTestOn: ["m": .fashionMosaics(FashionMosaics(seed: 4))])]))
        XCTAssertFalse(FashionAsset.isNeeded(by: [comparison(shapes), comparison(.fashionMosaics(FashionMosaics(folder: "mine")))]))
        XCTAssertFalse(FashionAsset.isNeeded(by: []))
    }

    func testTheAssetLiesBesideTheModule() {
        XCTAssertEqual(FashionAsset.path(besideModule: "/x/site/assets/lessons.wasm"), "/x/site/assets/fashion-mnist.bin.gz")
    }
}
