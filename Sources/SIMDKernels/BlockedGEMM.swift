
/// Cache blocking, in bytes: a block of A rows (rows × k floats) that stays in
/// L2 while every B panel sweeps past it.
@inlinable public var gemmRowBlockBytes: Int { 192 * 1024 }

/// Depth of one block of the k loop: a B panel block of this many rows fills
/// about 16 KiB, half of L1, and stays there while the row tiles sweep it.
/// Chains cut at block edges continue from their stored partial sums.
@inlinable public func gemmDepthBlock(panelWidth nr: Int) -> Int { max(128, 16384 / (nr * 4)) }

/// The blocked matrix product, generic over the vector type so one source
/// serves every instruction set: a kernel target compiled with that set's
/// features instantiates it (`SIMD8<Float>` for AVX2, `SIMD16<Float>` for
/// AVX-512, `SIMD4<Float>` for the portable path).
///
/// Layout: op(B) is cut into panels of 2W columns; each panel is read in
/// place when B is not transposed and the panel is full, otherwise packed
/// once into contiguous zero-padded scratch. Rows of op(A) are read in
/// place, through strides or through the offset tables of a gathered A (a
/// convolution's patches), in blocks that fit L2. The depth k is cut into
/// blocks that keep a panel block in L1; between blocks each tile's partial
/// sums wait in scratch and are reloaded exactly, so every element is still
/// one FMA chain over p = 0..<k in order, whatever the blocking, path or
/// thread count.
///
/// Building: the kernel targets compile copies of these inlinable bodies.
/// An edit that changes only bodies here may not make an incremental build
/// recompile them; `touch Sources/SIMDKernels*/*.swift` before building.
///
/// `threads > 1` splits row tiles between the `WorkerPool`'s threads, or
/// panels when n > m or there are few rows, or, with `ownerSplit`, a layer's
/// kernel in two halves (`ownedHalves`); every element is still computed by
/// one chain, so the result is the same bits.
///
/// `rowsFinished`, when given, is called once for every row of C, with
/// ranges of rows whose elements are final, on the thread that finished them
/// (several at once for disjoint ranges): an optimizer updates those weights
/// while their gradient is still in cache, in the same parts as the product.
/// Returns whether every call returned true (true when there was none).
@inlinable @discardableResult
public func blockedGEMM<V: SIMD>(_: V.Type, _ p: GEMMProblem, threads: Int = 1,
                                 rowsFinished: ((Range<Int>) -> Bool)? = nil) -> Bool
where V.Scalar == Float {
    guard p.m > 0, p.n > 0 else { return rowsFinished?(0..<max(p.m, 0)) ?? true }
    let nr = 2 * V.scalarCount
    let panels = (p.n + nr - 1) / nr
    let tiles = (p.m + gemmTileRows - 1) / gemmTileRows
    let lastCols = p.n - (panels - 1) * nr
    // Pack every panel when B is transposed (columns are strided), or when
    // many row tiles reuse each panel and B's rows are far apart, which
    // would thrash cache sets; otherwise pack only a partial last panel.
    let packAll = p.transposeB || (tiles >= 16 && p.ldb >= 512)
    let packedFloats = packAll ? panels * nr * p.k : (lastCols < nr ? nr * p.k : 0)
    let depthBlock = gemmDepthBlock(panelWidth: nr)
    let partialStride = panels * nr
    // A second thread pays from about 2^18 multiply-adds (≈5 µs of work),
    // where (m·n·k) >> 17 reaches 2. Parenthesised: in Swift `>>` binds
    // tighter than `*`.
    let workers = min(threads, max(1, (p.m * p.n * p.k) >> 17))
    // Where two threads keep the halves of a layer's kernel (`ownedHalves`): a
    // depth split inside k (not with a callback: its rows finish on the helper),
    // or a row split. Chains cut at a depth split wait in the partial sums too.
    let owned = workers > 1 ? p.ownerSplit.flatMap { split in
        split > 0 && (!p.splitsDepth || (split < p.k && rowsFinished == nil)) ? split : nil } : nil
    let partialFloats = p.k > depthBlock || (owned != nil && p.splitsDepth) ? tiles * gemmTileRows * partialStride : 0

    return withScratch(floats: packedFloats + partialFloats) { packed -> Bool in
        let partial = Partials(pointer: packed + packedFloats, stride: partialStride,
                               depthBlock: p.k > depthBlock ? depthBlock : max(p.k, 1))
        if packAll {
            for panel in 0..<panels {
                packPanel(p, from: panel * nr, cols: min(nr, p.n - panel * nr), width: nr,
                          into: packed + panel * nr * p.k)
            }
        } else if lastCols < nr {
            packPanel(p, from: (panels - 1) * nr, cols: lastCols, width: nr, into: packed)
        }
        let source = PanelSource(b: p.b, ldb: p.ldb, packed: packed, packAll: packAll,
                                 width: nr, depth: p.k, fullPanels: lastCols < nr ? panels - 1 : panels)
        let rowSplit = !(panels >= workers * 2 && (p.n > p.m || tiles < workers * 2))
        // With `rowsFinished`, one flag per part: whether its calls all returned true.
        let flagCount = workers <= 1 ? 1 : owned != nil ? 2
            : rowSplit ? gemmParts(workers: workers, units: tiles, rereadFloats: p.k * p.n) : min(tiles, workers * 4)
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: flagCount) { flags -> Bool in
            flags.initialize(repeating: true)
            /// Rows of the tiles `range`, and whether `rowsFinished` accepted them.
            func finish(_ range: Range<Int>) -> Bool {
                guard let rowsFinished, !range.isEmpty else { return true }
                return rowsFinished((range.lowerBound * gemmTileRows)..<min(p.m, range.upperBound * gemmTileRows))
            }
            #if !hasFeature(Embedded)
            if let split = owned {
                return ownedHalves(V.self, p, split: split, tiles: tiles, panels: panels, source: source,
                                   partial: partial, flags: flags, finish: finish)
            }
            #endif
            if workers <= 1 {
                flags[0] = computeTileRuns(V.self, p, source: source, partial: partial, tiles: 0..<tiles,
                                           panels: panels, callback: rowsFinished != nil, finish: finish)
            } else if rowSplit {
                // Row tiles split: each part reads all of op(B) and its share of
                // op(A). Panels split (below) when op(B) is the wider operand, as in
                // a first layer's forward product: each part then reads its share of B.
                let parts = flagCount
                WorkerPool.shared.run(parts: parts) { w in
                    flags[w] = computeTileRuns(V.self, p, source: source, partial: partial, tiles: split(tiles, w, parts),
                                               panels: panels, callback: false, finish: finish)
                }
            } else {
                let parts = gemmParts(workers: workers, units: panels, rereadFloats: p.m * p.k)
                WorkerPool.shared.run(parts: parts) { w in
                    computeTiles(V.self, p, source: source, partial: partial,
                                 tiles: 0..<tiles, panels: split(panels, w, parts))
                }
                // Rows are final only now: their callbacks in parallel parts of their own.
                if rowsFinished != nil {
                    WorkerPool.shared.run(parts: flagCount) { w in flags[w] = finish(split(tiles, w, flagCount)) }
                }
            }
            return flags.allSatisfy { $0 }
        }
    }
}

/// How many parts to cut a product into for `workers` threads: four per
/// thread when the operand every part reads whole (`rereadFloats`) stays in
/// L2, so a helper that joins late (busy with a background job, or not
/// scheduled) still takes its share; else one per thread.
@inlinable
func gemmParts(workers: Int, units: Int, rereadFloats: Int) -> Int {
    rereadFloats * 4 <= 256 * 1024 ? max(workers, min(units, workers * 4)) : workers
}

/// The `part`-th of `parts` near-equal contiguous pieces of `0..<count`.
@inlinable
func split(_ count: Int, _ part: Int, _ parts: Int) -> Range<Int> {
    (count * part / parts)..<(count * (part + 1) / parts)
}

/// Where panel `j` of op(B) lives: in place in B, or in packed scratch.
@usableFromInline
struct PanelSource {
    @usableFromInline let b: UnsafePointer<Float>
    @usableFromInline let ldb: Int
    @usableFromInline let packed: UnsafeMutablePointer<Float>
    @usableFromInline let packAll: Bool
    @usableFromInline let width: Int
    @usableFromInline let depth: Int
    @usableFromInline let fullPanels: Int

    @inlinable
    init(b: UnsafePointer<Float>, ldb: Int, packed: UnsafeMutablePointer<Float>, packAll: Bool,
         width: Int, depth: Int, fullPanels: Int) {
        self.b = b
        self.ldb = ldb
        self.packed = packed
        self.packAll = packAll
        self.width = width
        self.depth = depth
        self.fullPanels = fullPanels
    }

    @inlinable @inline(__always)
    func panel(_ j: Int) -> (pointer: UnsafePointer<Float>, ld: Int) {
        if packAll { return (UnsafePointer(packed + j * width * depth), width) }
        if j < fullPanels { return (b + j * width, ldb) }
        return (UnsafePointer(packed), width)
    }
}

/// Scratch for partial sums between depth blocks: one padded row-major
/// matrix of all tiles (rows past m and columns past n are never read back
/// into C).
@usableFromInline
struct Partials {
    @usableFromInline let pointer: UnsafeMutablePointer<Float>
    @usableFromInline let stride: Int
    @usableFromInline let depthBlock: Int

    @inlinable
    init(pointer: UnsafeMutablePointer<Float>, stride: Int, depthBlock: Int) {
        self.pointer = pointer
        self.stride = stride
        self.depthBlock = depthBlock
    }
}

/// Runs the row tiles `tiles` over every panel and hands their rows to
/// `finish`: with a `callback`, in runs of 16 tiles, so an optimizer updates
/// each run's rows while they are still in cache. Whether every call accepted.
@inlinable
func computeTileRuns<V: SIMD>(_: V.Type, _ p: GEMMProblem, source: PanelSource, partial: Partials, tiles: Range<Int>,
                              panels: Int, callback: Bool, finish: (Range<Int>) -> Bool) -> Bool where V.Scalar == Float {
    let run = callback ? 16 : max(tiles.count, 1)
    var start = tiles.lowerBound
    var accepted = true
    while start < tiles.upperBound {
        let range = start..<min(tiles.upperBound, start + run)
        computeTiles(V.self, p, source: source, partial: partial, tiles: range, panels: 0..<panels)
        accepted = finish(range) && accepted
        start = range.upperBound
    }
    return accepted
}

/// Runs the register tiles `tiles` × `panels`, depth block by depth block,
/// blocked so a block of A rows stays in L2 across all panels.
@inlinable
func computeTiles<V: SIMD>(_: V.Type, _ p: GEMMProblem, source: PanelSource, partial: Partials,
                           tiles: Range<Int>, panels: Range<Int>, depths: Range<Int>? = nil) where V.Scalar == Float {
    let nr = 2 * V.scalarCount
    let mr = gemmTileRows
    let rowStride = p.aRowStride
    let walk = DepthWalk(stride: p.aDepthStride, offsets: p.aDepthOffsets)
    let ps = partial.stride
    withUnsafeTemporaryAllocation(of: Float.self, capacity: mr * nr) { edgeBuffer in
        let edge = edgeBuffer.baseAddress!
        let depthEnd = depths?.upperBound ?? p.k
        var k0 = depths?.lowerBound ?? 0
        repeat {
            let depth = min(partial.depthBlock, depthEnd - k0)
            let first = k0 == 0, last = k0 + depth >= p.k
            let tilesPerBlock = max(1, gemmRowBlockBytes / max(1, depth * 4 * mr))
            var blockStart = tiles.lowerBound
            while blockStart < tiles.upperBound {
                let blockEnd = min(tiles.upperBound, blockStart + tilesPerBlock)
                for j in panels {
                    let (panel, ldb) = source.panel(j)
                    let b = panel + k0 * ldb
                    let col = j * nr
                    let cols = min(nr, p.n - col)
                    for t in blockStart..<blockEnd {
                        let row = t * mr
                        let rows = min(mr, p.m - row)
                        let a: UnsafePointer<Float>, offsets: TileRows
                        if let rowOffsets = p.aRowOffsets {
                            a = p.a + rowOffsets[row]
                            offsets = TileRows(rows: rows, offsets: rowOffsets + row)
                        } else {
                            a = p.a + row * rowStride + k0 * p.aDepthStride
                            offsets = TileRows(rows: rows, rowStride: rowStride)
                        }
                        let depthWalk = walk.from(k0)
                        let sums = partial.pointer + row * ps + col
                        var start: UnsafePointer<Float>? = first ? nil : UnsafePointer(sums)
                        var startStride = ps
                        if first && p.continuesChains {
                            if rows == mr && cols == nr {
                                start = UnsafePointer(p.c + row * p.ldc + col)
                                startStride = p.ldc
                            } else {
                                // An edge tile starts from C's values, zero-padded.
                                edge.update(repeating: 0, count: mr * nr)
                                for r in 0..<rows {
                                    (edge + r * nr).update(from: p.c + (row + r) * p.ldc + col, count: cols)
                                }
                                start = UnsafePointer(edge)
                                startStride = nr
                            }
                        }
                        if !last {
                            microKernel(V.self, depth: depth, a: a, rows: offsets, walk: depthWalk,
                                        b: b, ldb: ldb, start: start, startStride: startStride,
                                        c: sums, ldc: ps, accumulate: false)
                        } else if rows == mr && cols == nr {
                            microKernel(V.self, depth: depth, a: a, rows: offsets, walk: depthWalk,
                                        b: b, ldb: ldb, start: start, startStride: startStride,
                                        c: p.c + row * p.ldc + col, ldc: p.ldc, accumulate: p.accumulate,
                                        bias: p.columnBias.map { $0 + col })
                        } else {
                            microKernel(V.self, depth: depth, a: a, rows: offsets, walk: depthWalk,
                                        b: b, ldb: ldb, start: start, startStride: startStride,
                                        c: edge, ldc: nr, accumulate: false)
                            for r in 0..<rows {
                                let dst = p.c + (row + r) * p.ldc + col
                                let src = edge + r * nr
                                if let bias = p.columnBias {
                                    for c in 0..<cols { dst[c] = src[c] + bias[col + c] }
                                } else {
                                    for c in 0..<cols { dst[c] = p.accumulate ? dst[c] + src[c] : src[c] }
                                }
                            }
                        }
                    }
                }
                blockStart = blockEnd
            }
            k0 += depth
        } while k0 < depthEnd
    }
}
