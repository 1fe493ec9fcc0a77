import XCTest
import Datasets
@testable import LessonKit

/// Where the Fashion-MNIST site asset lies for a module.
final class FashionAssetTests: XCTestCase {
    func testTheAssetLiesBesideTheModule() {
        XCTAssertEqual(FashionAsset.path(besideModule: "/x/site/assets/lessons.wasm"), "/x/site/assets/fashion-mnist.js")
    }
}
