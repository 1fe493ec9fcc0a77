import Foundation
import XCTest
@testable import PortableMath

/// `Math` against `Fixtures/portable-math.txt`: mpmath values at 1,500 bits, written by
/// `scripts/reference/portable_math_values.py` (random inputs over each domain plus hard cases).
/// Every result must be faithfully rounded: within 1 ulp of the correctly rounded value and
/// less than 1 ulp from the exact one.
final class PortableMathTests: XCTestCase {
    private struct Case {
        var name: String, x: Double, y: Double, value: Double, frac: Double

        func evaluate() -> Double {
            switch name {
            case "exp": return Math.exp(x)
            case "log": return Math.log(x)
            case "log1p": return Math.log1p(x)
            case "log2": return Math.log2(x)
            case "pow": return Math.pow(x, y)
            case "sin": return Math.sin(x)
            case "cos": return Math.cos(x)
            default: fatalError("unknown function \(name) in the fixture")
            }
        }
    }

    private static func fixture(filePath: String = #filePath) throws -> [Case] {
        let url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/portable-math.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let f = line.split(separator: " ")
            let d = { (i: Int) in Double(bitPattern: UInt64(f[i], radix: 16)!) }
            return Case(name: String(f[0]), x: d(1), y: d(2), value: d(3), frac: d(4))
        }
    }

    /// Distance in representable doubles (±0 are one apart: the sign must be right).
    static func ulpsApart(_ a: Double, _ b: Double) -> UInt64 {
        func ordered(_ v: Double) -> Int64 {             // −0 → −1, +0 → 0, monotone
            let b = v.bitPattern
            return b >> 63 == 1 ? -Int64(b & 0x7FFF_FFFF_FFFF_FFFF) - 1 : Int64(b)
        }
        let (p, q) = (ordered(a), ordered(b))
        return p >= q ? UInt64(bitPattern: p &- q) : UInt64(bitPattern: q &- p)
    }

    func testEveryFixtureValueIsFaithfullyRounded() throws {
        let cases = try Self.fixture()
        XCTAssertGreaterThan(cases.count, 20_000)
        var worst: [String: Double] = [:], counts: [String: Int] = [:]
        for c in cases {
            counts[c.name, default: 0] += 1
            let r = c.evaluate()
            let label = "\(c.name)(\(c.x)\(c.name == "pow" ? ", \(c.y)" : "")) = \(r), expected \(c.value)"
            if c.value.isNaN { XCTAssertTrue(r.isNaN, label); continue }
            XCTAssertLessThanOrEqual(Self.ulpsApart(r, c.value), 1, label)
            guard c.value.isFinite && c.value != 0 && r.isFinite else {
                XCTAssertEqual(r.sign, c.value.sign, label)
                continue
            }
            var u = c.value.ulp
            if c.frac < 0 && c.value.significandBitPattern == 0 && c.value.isNormal
                && abs(c.value) > Double.leastNormalMagnitude { u /= 2 }
            let error = abs((r - c.value) / u - c.frac)          // ulps from the exact value
            XCTAssertLessThan(error, 1, label)
            worst[c.name] = max(worst[c.name] ?? 0, error)
        }
        XCTAssertEqual(Set(counts.keys), ["exp", "log", "log1p", "log2", "pow", "sin", "cos"])
        for (name, e) in worst.sorted(by: { $0.key < $1.key }) {
            print("PortableMath \(name): \(counts[name]!) values, worst error \(e) ulp")
        }
    }

    /// C Annex F's special values, spelled out.
    func testSpecialValues() {
        XCTAssertEqual(Math.log1p(-0.0).sign, .minus)
        XCTAssertEqual(Math.sin(-0.0).sign, .minus)
        XCTAssertEqual(Math.exp(-.infinity), 0)
        XCTAssertEqual(Math.log(0), -.infinity)
        XCTAssertTrue(Math.log(-1).isNaN)
        XCTAssertTrue(Math.cos(.infinity).isNaN)
        XCTAssertEqual(Math.pow(-0.0, -3), -.infinity)
        XCTAssertEqual(Math.pow(-0.0, 3).sign, .minus)
        XCTAssertEqual(Math.pow(-2, 3), -8)
        XCTAssertTrue(Math.pow(-8, 1.0 / 3).isNaN)
        XCTAssertEqual(Math.pow(.nan, 0), 1)
        XCTAssertEqual(Math.pow(1, .nan), 1)
        XCTAssertEqual(Math.pow(-1, .infinity), 1)
        XCTAssertEqual(Math.pow(0.5, -.infinity), .infinity)
        XCTAssertEqual(Math.pow(2, 10), 1024)
        XCTAssertEqual(Math.pow(10, 2), 100)
        XCTAssertEqual(Math.log2(1024), 10)
        XCTAssertEqual(Math.log2(0x1p-1074), -1074)
        XCTAssertEqual(Math.exp(0), 1)
        XCTAssertEqual(Math.log(1), 0)
    }

    /// A cross-check only (the fixture is the reference): the platform's libm on many random
    /// inputs, within 1 ulp. Prints how often the two differ at all.
    func testAgreesWithPlatformLibmWithinOneUlp() {
        var rng = SplitMix64(state: 20_261_206)             // fixed inputs: the same check every run
        let n = 100_000
        func check(_ name: String, _ input: () -> (Double, Double), _ ours: (Double, Double) -> Double,
                   _ theirs: (Double, Double) -> Double) {
            var differ = 0
            for _ in 0..<n {
                let (x, y) = input()
                let a = ours(x, y), b = theirs(x, y)
                if a.bitPattern != b.bitPattern && !(a.isNaN && b.isNaN) {
                    differ += 1
                    XCTAssertLessThanOrEqual(Self.ulpsApart(a, b), 1, "\(name)(\(x), \(y)): \(a) vs \(b)")
                }
            }
            print("PortableMath \(name): differs from the platform libm (by 1 ulp) on \(differ) of \(n)")
        }
        let wide = { Double.random(in: -745...710, using: &rng) }
        let positive = { Double(bitPattern: UInt64.random(in: 1..<0x7FF0_0000_0000_0000, using: &rng)) }
        check("exp", { (wide(), 0) }, { x, _ in Math.exp(x) }, { x, _ in Foundation.exp(x) })
        check("log", { (positive(), 0) }, { x, _ in Math.log(x) }, { x, _ in Foundation.log(x) })
        check("log1p", { (Double.random(in: -1...10, using: &rng), 0) }, { x, _ in Math.log1p(x) },
              { x, _ in Foundation.log1p(x) })
        check("log2", { (positive(), 0) }, { x, _ in Math.log2(x) }, { x, _ in Foundation.log2(x) })
        check("pow", { (Double.random(in: 0...4, using: &rng), Double.random(in: -200...200, using: &rng)) },
              { x, y in Math.pow(x, y) }, { x, y in Foundation.pow(x, y) })
        check("sin", { (Double.random(in: -10...10, using: &rng), 0) }, { x, _ in Math.sin(x) },
              { x, _ in Foundation.sin(x) })
        check("cos", { (Double.random(in: -1e6...1e6, using: &rng), 0) }, { x, _ in Math.cos(x) },
              { x, _ in Foundation.cos(x) })
        check("sin (huge)", { (positive() * (Bool.random(using: &rng) ? 1 : -1), 0) },
              { x, _ in Math.sin(x) }, { x, _ in Foundation.sin(x) })
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014): a seeded generator, so the cross-check's inputs
/// are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
