#if !hasFeature(Embedded)
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A two-thread product in which each thread touches only its own half of a
/// layer's kernel, step after step (`GEMMProblem.ownerSplit`), so the kernel,
/// its gradient and the optimizer's moments of each half stay in one core's
/// cache instead of crossing between the cores every pass.
///
/// - Forward (`splitsDepth`): the kernel is op(B); the caller runs every row
///   tile's chains over the depth `0..<split` into the partial sums, and the
///   helper continues each tile's chains from there, one tile behind. The
///   same chains in the same order: the same bits.
/// - Kernel gradient: C's rows before `split` are the caller's, the rest the
///   helper's, in runs of 16 tiles whose rows `finish` hands to the optimizer.
///
/// The caller claims part 0 first and the helper part 1, which only waits for
/// part 0's progress, so a thread that runs both (no helper free) runs them in order.
@inlinable
func ownedHalves<V: SIMD>(_: V.Type, _ p: GEMMProblem, split: Int, tiles: Int, panels: Int, source: PanelSource,
                          partial: Partials, flags: UnsafeMutableBufferPointer<Bool>,
                          finish: (Range<Int>) -> Bool) -> Bool where V.Scalar == Float {
    if p.splitsDepth {
        let ready = Atomic<Int>(0)   // tiles whose first depth half is in the partial sums
        WorkerPool.shared.run(parts: 2) { part in
            for t in 0..<tiles {
                if part == 0 {
                    computeTiles(V.self, p, source: source, partial: partial, tiles: t..<(t + 1),
                                 panels: 0..<panels, depths: 0..<split)
                    ready.store(t + 1, ordering: .releasing)
                } else {
                    // Part 0 runs a tile ahead; yield only if its thread is not running.
                    var polls = 0
                    while ready.load(ordering: .acquiring) <= t {
                        polls += 1
                        if polls & 255 == 0 { sched_yield() }
                    }
                    computeTiles(V.self, p, source: source, partial: partial, tiles: t..<(t + 1),
                                 panels: 0..<panels, depths: split..<p.k)
                }
            }
        }
        return true
    }
    let firstHelperTile = min(tiles, split / gemmTileRows)
    WorkerPool.shared.run(parts: 2) { part in
        flags[part] = computeTileRuns(V.self, p, source: source, partial: partial,
                                      tiles: part == 0 ? 0..<firstHelperTile : firstHelperTile..<tiles,
                                      panels: panels, callback: true, finish: finish)
    }
    return flags[0] && flags[1]
}

#endif
