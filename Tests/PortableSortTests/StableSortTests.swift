import PortableSort
import XCTest

final class StableSortTests: XCTestCase {
    /// Keys with many ties, at every length around the insertion runs (8) and merge widths.
    func testOrderIsStableAndMatchesTheStandardLibrary() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33) % bound
        }
        for count in Array(0...40) + [63, 64, 65, 127, 1000, 4099] {
            for distinct in [1, 3, count + 1] {
                let keys = (0..<count).map { _ in next(max(distinct, 1)) }
                let order = stableOrder(count: count) { keys[$0] < keys[$1] }
                // Sorted by key, equal keys in index order: the one stable order.
                let expected = (0..<count).sorted { (keys[$0], $0) < (keys[$1], $1) }
                XCTAssertEqual(order, expected, "count \(count), \(distinct) distinct keys")
                let pairs = keys.enumerated().map { (key: $0.element, index: $0.offset) }
                XCTAssertEqual(pairs.stablySorted { $0.key < $1.key }.map { $0.index },
                               pairs.sorted { $0.key < $1.key }.map { $0.index })
            }
        }
    }

    func testDescendingAndComparableForms() {
        XCTAssertEqual([3, 1, 2, 1].stablySorted(), [1, 1, 2, 3])
        XCTAssertEqual(["b", "a", "c"].stablySorted(by: >), ["c", "b", "a"])
        XCTAssertEqual(Set([5, 4, 9]).stablySorted(), [4, 5, 9])
        XCTAssertEqual(stableOrder(count: 0) { _, _ in true }, [])
        XCTAssertEqual(stableOrder(count: -1) { _, _ in true }, [])
        // Equal items keep their order under a descending comparison too.
        let scores: [Double] = [0.2, 0.9, 0.2, 0.9, 0.5]
        XCTAssertEqual(stableOrder(count: scores.count) { scores[$0] > scores[$1] }, [1, 3, 4, 0, 2])
    }
}
