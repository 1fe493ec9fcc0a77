import Foundation
import XCTest
import NeuralCore
@testable import ResultsRendering

/// The portable `%.Nf` / `%.Ng` against glibc's printf (through `String(format:)`),
/// over values chosen to break a formatter: exact ties at every precision, values
/// whose decimal spelling hides a binary tie, carries, negatives, zero and minus zero,
/// NaN and infinities, the largest, smallest and subnormal doubles, and random bits.
final class PrintfFormatTests: XCTestCase {
    private func compare(_ value: Double, _ mismatches: inout [String]) {
        for precision in 0...9 {
            let mine = PrintfFormat.fixed(value, precision: precision)
            let glibc = String(format: "%.\(precision)f", value)
            if mine != glibc { mismatches.append("%.\(precision)f of \(value): \(mine) vs \(glibc)") }
        }
        for precision in 0...8 {
            let mine = PrintfFormat.general(value, precision: precision)
            let glibc = String(format: "%.\(precision)g", value)
            if mine != glibc { mismatches.append("%.\(precision)g of \(value): \(mine) vs \(glibc)") }
        }
    }

    private func values() -> [Double] {
        var out: [Double] = [0, -0.0, .nan, -Double.nan, .infinity, -.infinity, .greatestFiniteMagnitude,
                             -.greatestFiniteMagnitude, .leastNormalMagnitude, .leastNonzeroMagnitude,
                             -.leastNonzeroMagnitude, 1e300, 1e-300, 9.9995, 0.00099995, 99999.5, 999999.5, 0.0001,
                             0.00001, 1e15, 1e16, 1e17, 1e22, 1e23, 0.1, 0.2, 0.3, 2.675, 1.005, 1.0005]
        // Exact ties: k / 2^n has a 5 as its last digit, at every precision it is cut.
        for n in 1...12 { for k in stride(from: -41, through: 41, by: 2) { out.append(Double(k) / Double(1 << n)) } }
        for k in 0..<40 { out.append(Double(k) + 0.5) }
        var random = SeededRNG(seed: 23)  // the same values on every run
        for _ in 0..<800 { out.append(Double(bitPattern: random.next())) }
        for _ in 0..<800 { out.append((random.nextDouble() * 6 - 3)) }
        for _ in 0..<600 {
            let exponent = Int(random.next() % 61) - 30
            var scale = 1.0
            for _ in 0..<abs(exponent) { scale *= 10 }
            out.append((random.nextDouble() * 2 - 1) * (exponent < 0 ? 1 / scale : scale))
        }
        return out
    }

    func testFixedAndGeneralMatchGlibcPrintf() {
        var mismatches: [String] = []
        for value in values() { compare(value, &mismatches) }
        XCTAssertEqual(mismatches.count, 0, mismatches.prefix(10).joined(separator: "\n"))
    }

    func testTiesRoundToEvenOnTheExactBinaryValue() {
        XCTAssertEqual(PrintfFormat.fixed(0.0625, precision: 3), "0.062")
        XCTAssertEqual(PrintfFormat.fixed(0.1875, precision: 3), "0.188")
        XCTAssertEqual(PrintfFormat.fixed(2.5, precision: 0), "2")
        XCTAssertEqual(PrintfFormat.fixed(-3.5, precision: 0), "-4")
        // 2.675 is really 2.67499999999999982236431605997495353221893310546875.
        XCTAssertEqual(PrintfFormat.fixed(2.675, precision: 2), "2.67")
        XCTAssertEqual(PrintfFormat.fixed(-0.0, precision: 3), "-0.000")
        XCTAssertEqual(PrintfFormat.general(0.00012345, precision: 4), "0.0001234")
        XCTAssertEqual(PrintfFormat.general(123456, precision: 4), "1.235e+05")
        XCTAssertEqual(PrintfFormat.general(9.9996, precision: 4), "10")
        XCTAssertEqual(PrintfFormat.general(.leastNonzeroMagnitude, precision: 4), "4.941e-324")
    }

    func testClaimNumbersKeepTheirSpelling() {
        XCTAssertEqual(NumberText.claim(0.475), "0.475")
        XCTAssertEqual(NumberText.claim(-0.0001), "-0.0001")
        XCTAssertEqual(NumberText.claim(-0.0004999), "-0.0004999")
        XCTAssertEqual(NumberText.claim(-1e-12), "-1e-12")
        XCTAssertEqual(NumberText.claim(12345.678), "1.235e+04")
        XCTAssertEqual(NumberText.claim(0), "0.000")
        XCTAssertEqual(NumberText.claim(.nan), "nan")
    }
}
