/// A guard on the flags `scripts/build-wasm` compiles the module's parts with: a value
/// copied, then changed, must leave the original alone. With `-Osize -Xllvm
/// -inline-threshold=0` (an LLVM option the size flags once had) the Swift 6.3 toolchain
/// compiled `threshold` below so that it wrote into the caller's scores, and the module's
/// test-set probabilities came out as its 0/1 predictions. `scripts/check-wasm` runs this
/// under node: `lessons_canary()` is 0 when every copy held, else the first that did not.

struct Scores {
    var shape: [Int]
    var storage: [Float]
}

/// `OutputHead.threshold`'s shape: copy the parameter, overwrite the copy.
@inline(never)
func threshold(_ scores: Scores, thresholds: [Float]) -> Scores {
    let l = scores.shape[1]
    precondition(thresholds.count == 1 || thresholds.count == l, "need 1 or \(l) thresholds")
    var out = scores
    for i in 0..<out.storage.count {
        let t = thresholds.count == 1 ? thresholds[0] : thresholds[i % l]
        out.storage[i] = scores.storage[i] > t ? 1 : 0
    }
    return out
}

/// A plain array copied and overwritten.
@inline(never)
func clipped(_ values: [Float], at limit: Float) -> [Float] {
    var out = values
    for i in out.indices where out[i] > limit { out[i] = limit }
    return out
}

/// Made at run time, so each buffer is unique until copied (a literal may be a static one).
@inline(never)
func scores(_ n: Int) -> Scores {
    var storage: [Float] = []
    for i in 0..<n { storage.append(Float(i % 7) / 7) }
    return Scores(shape: [n / 2, 2], storage: storage)
}

@_expose(wasm, "lessons_canary")
@_cdecl("lessons_canary")
public func lessonsCanary() -> Int32 {
    let p = scores(8)
    let predictions = threshold(p, thresholds: [0.5])
    guard p.storage == scores(8).storage else { return 1 }
    guard predictions.storage == [0, 0, 0, 0, 1, 1, 1, 0] else { return 2 }
    let clip = clipped(p.storage, at: 0.5)
    guard p.storage == scores(8).storage else { return 3 }
    guard clip.allSatisfy({ $0 <= 0.5 }) else { return 4 }
    return 0
}
