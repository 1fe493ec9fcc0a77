import NeuralCore

/// Chooses non-touching discs for the shapes of one image, so no shape hides another.
///
/// Radii shrink with the number of shapes (a lone shape may fill a third of the image,
/// five share it); positions are tried at random and, if the image is too crowded for
/// that to succeed quickly, the shapes fall back to one cell each of a grid.
struct ShapeLayout {
    let size: Int

    var minimumRadius: Float { max(3.5, 0.13 * Float(size)) }
    var gap: Float { max(2, 0.05 * Float(size)) }

    func largestRadius(forShapes count: Int) -> Float {
        max(minimumRadius, 0.30 * Float(size) / Float(count).squareRoot())
    }

    /// Centres and radii (x, y, r) for `count` shapes.
    func discs(count: Int, rng: inout SeededRNG) -> [(Float, Float, Float)] {
        var discs: [(Float, Float, Float)] = []
        let upper = largestRadius(forShapes: count)
        let side = Float(size)
        for _ in 0..<count {
            var r = rng.uniform(minimumRadius, max(minimumRadius, upper))
            var placed = false
            while !placed {
                for _ in 0..<40 {
                    let x = rng.uniform(r + 1, side - r - 1)
                    let y = rng.uniform(r + 1, side - r - 1)
                    let clear = discs.allSatisfy { d in
                        let dx = d.0 - x, dy = d.1 - y, reach = d.2 + r + gap
                        return dx * dx + dy * dy >= reach * reach
                    }
                    if clear { discs.append((x, y, r)); placed = true; break }
                }
                if placed { break }
                if r <= minimumRadius { return grid(count: count, rng: &rng) }
                r = max(minimumRadius, r * 0.85)
            }
        }
        return discs
    }

    /// One shape per cell of the smallest square grid that holds them, cells shuffled.
    func grid(count: Int, rng: inout SeededRNG) -> [(Float, Float, Float)] {
        var columns = 1
        while columns * columns < count { columns += 1 }
        let cell = (Float(size) - 2) / Float(columns)
        let r = max(1.5, (cell - gap) / 2)
        let cells = rng.permutation(columns * columns).prefix(count)
        return cells.map { c in
            (1 + (Float(c % columns) + 0.5) * cell, 1 + (Float(c / columns) + 0.5) * cell, r)
        }
    }
}
