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

    func build(count: Int, pool: [[Int]], file: FashionMNISTFile, source: FashionMNIST.Split,
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
        let side = FashionMNIST.side, pixelsPerImage = size * size
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
                record.append(MosaicTile(file: file, item: item, category: FashionMNIST.classNames[c]))
                let top = (t / 2) * size / 2, left = (t % 2) * size / 2
                let itemBase = item * side * side
                let imageBase = i * pixelsPerImage
                if size == 2 * side {
                    for y in 0..<side {
                        for x in 0..<side {
                            pixels[imageBase + (top + y) * size + left + x] = Float(source.pixels[itemBase + y * side + x]) / 255
                        }
                    }
                } else {
                    // 2×2 average pooling of the tile.
                    let half = side / 2
                    for y in 0..<half {
                        for x in 0..<half {
                            let p = itemBase + 2 * y * side + 2 * x
                            let sum = Int(source.pixels[p]) + Int(source.pixels[p + 1])
                                + Int(source.pixels[p + side]) + Int(source.pixels[p + side + 1])
                            pixels[imageBase + (top + y) * size + left + x] = Float(sum) / (4 * 255)
                        }
                    }
                }
            }
            records.append(record)
        }
        let labels = LabeledImages(images: Tensor(shape: [count, size, size, 1], storage: pixels),
                                   labels: Tensor(shape: [count, labelCount], storage: hot.map { $0 ? 1 : 0 }))
        return (labels, records)
    }
}
