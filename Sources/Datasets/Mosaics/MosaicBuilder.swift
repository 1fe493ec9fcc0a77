import NeuralCore

/// Assembles the mosaics of one split from a pool of items per class.
struct MosaicBuilder {
    let size: Int
    /// Fashion-MNIST class of each label.
    let classes: [Int]
    /// Classes that are not labels, used as distractors.
    let others: [Int]
    let distractors: Float
    let sampler: LabelSampler

    func build(count: Int, pool: [[Int]], file: FashionMNISTFile, source: FashionImages.Split,
               rng: SeededRNG) -> (LabeledImages, [[MosaicTile?]]) {
        var rng = rng
        let labelCount = classes.count
        let hot = sampler.sample(count: count, rng: &rng)
        // Each class walks through its shuffled pool, so items repeat only once all were used.
        var cursor = [Int](repeating: 0, count: pool.count)
        func nextItem(_ c: Int) -> Int {
            let items = pool[c]
            defer { cursor[c] = (cursor[c] + 1) % items.count }
            return items[cursor[c]]
        }
        let side = FashionImages.side, pixelsPerImage = size * size
        var pixels = [Float](repeating: 0, count: count * pixelsPerImage)
        var records: [[MosaicTile?]] = []
        records.reserveCapacity(count)
        for i in 0..<count {
            var tiles: [Int?] = (0..<labelCount).filter { hot[i * labelCount + $0] }.map { classes[$0] }
            while tiles.count < 4 {
                let filled = !others.isEmpty && rng.nextFloat() < distractors
                tiles.append(filled ? others[rng.nextInt(below: others.count)] : nil)
            }
            rng.shuffle(&tiles)
            var record: [MosaicTile?] = []
            for (t, c) in tiles.enumerated() {
                guard let c, !pool[c].isEmpty else { record.append(nil); continue }
                let item = nextItem(c)
                record.append(MosaicTile(file: file, item: item, category: FashionImages.classNames[c]))
                let top = (t / 2) * size / 2, left = (t % 2) * size / 2
                pixels.withUnsafeMutableBufferPointer { image in
                    source.pixels.withUnsafeBufferPointer { items in
                        copyTile(items.baseAddress! + item * side * side,
                                 to: image.baseAddress! + i * pixelsPerImage + top * size + left)
                    }
                }
            }
            records.append(record)
        }
        let labels = LabeledImages(images: Tensor(shape: [count, size, size, 1], storage: pixels),
                                   labels: Tensor(shape: [count, labelCount], storage: hot.map { $0 ? 1 : 0 }))
        return (labels, records)
    }

    /// Writes one 28×28 item at `target` (a row stride of `size`), scaled to [0, 1],
    /// average-pooled 2×2 when the mosaic is 28 pixels wide.
    private func copyTile(_ item: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<Float>) {
        let side = FashionImages.side
        if size == 2 * side {
            for y in 0..<side {
                for x in 0..<side { target[y * size + x] = Float(item[y * side + x]) / 255 }
            }
        } else {
            for y in 0..<(side / 2) {
                for x in 0..<(side / 2) {
                    let p = item + 2 * y * side + 2 * x
                    let sum = Int(p[0]) + Int(p[1]) + Int(p[side]) + Int(p[side + 1])
                    target[y * size + x] = Float(sum) / (4 * 255)
                }
            }
        }
    }
}
