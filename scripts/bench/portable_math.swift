// Micro-benchmark: PortableMath's functions against the platform libm, ns per call.
//
//     swiftc -O -module-name PortableMath Sources/PortableMath/*.swift \
//         scripts/bench/portable_math.swift -o /tmp/portable-math-bench && /tmp/portable-math-bench
//
// Both sides see the same inputs in the same loop shape; the sum keeps the work alive.
import Foundation

func measure(_ name: String, _ inputs: [Double], _ f: (Double) -> Double) -> Double {
    var best = Double.infinity, sink = 0.0
    for _ in 0..<7 {
        let start = ContinuousClock.now
        for x in inputs { sink += f(x) }
        let d = ContinuousClock.now - start
        let ns = Double(d.components.seconds) * 1e9 + Double(d.components.attoseconds) / 1e9
        best = min(best, ns / Double(inputs.count))
    }
    if sink == 0.123 { print(sink) }
    return best
}

@main
struct PortableMathBench {
    static func main() {
        var rng = SystemRandomNumberGenerator()
        let n = 1_000_000
        let cases: [(String, [Double], (Double) -> Double, (Double) -> Double)] = [
            ("exp  [-30, 30]", (0..<n).map { _ in Double.random(in: -30...30, using: &rng) }, Math.exp, Foundation.exp),
            ("log  (0, 1e6]", (0..<n).map { _ in Double.random(in: 1e-6...1e6, using: &rng) }, Math.log, Foundation.log),
            ("log1p [0, 1]", (0..<n).map { _ in Double.random(in: 0...1, using: &rng) }, Math.log1p, Foundation.log1p),
            ("pow(x, 2.5)", (0..<n).map { _ in Double.random(in: 0...1, using: &rng) }, { Math.pow($0, 2.5) },
             { Foundation.pow($0, 2.5) }),
            ("sin  [0, 2π]", (0..<n).map { _ in Double.random(in: 0...(2 * .pi), using: &rng) }, Math.sin, Foundation.sin),
            ("cos  [0, 2π]", (0..<n).map { _ in Double.random(in: 0...(2 * .pi), using: &rng) }, Math.cos, Foundation.cos),
            ("log2 (0, 1e6]", (0..<n).map { _ in Double.random(in: 1e-6...1e6, using: &rng) }, Math.log2, Foundation.log2),
        ]
        print("function          PortableMath   libm   (ns per call, best of 7)")
        for (name, inputs, ours, theirs) in cases {
            let a = measure(name, inputs, ours), b = measure(name, inputs, theirs)
            print(name.padding(toLength: 16, withPad: " ", startingAt: 0), String(format: "%8.2f %8.2f", a, b))
        }
    }
}
