import XCTest
@testable import LessonKit

final class LessonKitSmokeTests: XCTestCase {
    func testModuleLoads() { XCTAssertTrue(true) }
}
