import XCTest
@testable import Experiments

final class ExperimentsSmokeTests: XCTestCase {
    func testModuleLoads() { XCTAssertTrue(true) }
}
