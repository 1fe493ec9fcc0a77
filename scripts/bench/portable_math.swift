// Micro-benchmark: PortableMath's functions against the platform's libm, ns per call.
//
//     swiftc -O -wmo -module-name PortableMath Sources/PortableMath/*.swift \
//         scripts/bench/portable_math.swift -o /tmp/portable-math-bench && /tmp/portable-math-bench
//
// Whole-module, so PortableMath's code is inlined into the loops as NeuralCore's -O build
// inlines its @inlinable bodies. Both sides see the same inputs in the same loop shape; the
// sum keeps the work alive.
import Foundation

@inline(__always) func measure(_ inputs: [Double], _ f: (Double) -> Double) -> Double {
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

@inline(__always) func row(_ name: String, _ range: ClosedRange<Double>, _ ours: (Double) -> Double,
                           _ theirs: (Double) -> Double) {
    var rng = SystemRandomNumberGenerator()
    let inputs = (0..<1_000_000).map { _ in Double.random(in: range, using: &rng) }
    let a = measure(inputs, ours), b = measure(inputs, theirs)
    print(name.padding(toLength: 16, withPad: " ", startingAt: 0), String(format: "%8.2f %8.2f", a, b))
}

@main
struct PortableMathBench {
    static func main() {
        print("function          PortableMath   libm   (ns per call, best of 7)")
        row("exp  [-30, 30]", -30...30, { Math.exp($0) }, { Foundation.exp($0) })
        row("log  (0, 1e6]", 1e-6...1e6, { Math.log($0) }, { Foundation.log($0) })
        row("log1p [0, 1]", 0...1, { Math.log1p($0) }, { Foundation.log1p($0) })
        row("pow(x, 2.5)", 0...1, { Math.pow($0, 2.5) }, { Foundation.pow($0, 2.5) })
        row("pow(x, 4)", 0...1, { Math.pow($0, 4) }, { Foundation.pow($0, 4) })
        row("sin  [0, 2π]", 0...(2 * .pi), { Math.sin($0) }, { Foundation.sin($0) })
        row("cos  [0, 2π]", 0...(2 * .pi), { Math.cos($0) }, { Foundation.cos($0) })
        row("log2 (0, 1e6]", 1e-6...1e6, { Math.log2($0) }, { Foundation.log2($0) })
    }
}
