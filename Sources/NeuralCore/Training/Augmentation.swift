/// Seeded augmentation of training batches (validation and test data are never touched).
/// Per image, in this order of draws from the run's augmentation stream (derived from the
/// training seed, so the same seed gives the same bytes):
/// - `horizontalFlip` / `verticalFlip`: mirror with probability ½ (Keras `RandomFlip`);
/// - `maxShift` s: move by dy, dx drawn uniformly from −s…s pixels, filling with 0 — the
///   same as torchvision's `RandomCrop(size, padding: s)` (pad s zeros, crop a random window);
/// - `noise` σ: add N(0, σ²) to every value (Keras `GaussianNoise`), no clamping.
/// The flip is applied before the shift. Flips and shifts need images [N, H, W, C].
public struct Augmentation: Sendable, Equatable {
    public var horizontalFlip: Bool
    public var verticalFlip: Bool
    public var maxShift: Int
    public var noise: Double

    public init(horizontalFlip: Bool = false, verticalFlip: Bool = false, maxShift: Int = 0, noise: Double = 0) {
        self.horizontalFlip = horizontalFlip
        self.verticalFlip = verticalFlip
        self.maxShift = maxShift
        self.noise = noise
    }

    /// Augments every image of `images` in place, drawing from `rng`.
    public func apply(to images: inout Tensor, rng: inout SeededRNG) {
        let n = images.batchSize
        guard n > 0 else { return }
        let geometric = horizontalFlip || verticalFlip || maxShift > 0
        let (h, w, c) = images.rank == 4 ? (images.shape[1], images.shape[2], images.shape[3]) : (1, images.itemSize, 1)
        precondition(!geometric || images.rank == 4, "flips and shifts need images [N, H, W, C], got \(images.shape)")
        let size = h * w * c
        var source = [Float](repeating: 0, count: geometric ? size : 0)
        images.storage.withUnsafeMutableBufferPointer { all in
            for i in 0..<n {
                let image = all.baseAddress! + i * size
                if geometric {
                    let move = draw(&rng)
                    source.withUnsafeMutableBufferPointer { s in
                        s.baseAddress!.update(from: image, count: size)
                        Self.transform(s.baseAddress!, into: image, height: h, width: w, channels: c, move)
                    }
                }
                if noise > 0 {
                    for j in 0..<size { image[j] += Float(noise * rng.normal()) }
                }
            }
        }
    }

    /// One image's flips and shift.
    public struct Move: Sendable, Equatable {
        public var flipX = false, flipY = false
        public var dy = 0, dx = 0
    }

    /// The flips and shift of the next image, in the documented order of draws.
    public func draw(_ rng: inout SeededRNG) -> Move {
        var m = Move()
        m.flipX = horizontalFlip && rng.nextFloat() < 0.5
        m.flipY = verticalFlip && rng.nextFloat() < 0.5
        if maxShift > 0 {
            m.dy = rng.nextInt(below: 2 * maxShift + 1) - maxShift
            m.dx = rng.nextInt(below: 2 * maxShift + 1) - maxShift
        }
        return m
    }

    /// Output (y, x) shows the flipped image at (y − dy, x − dx), or 0 outside it.
    public static func transform(_ source: UnsafePointer<Float>, into image: UnsafeMutablePointer<Float>,
                                 height h: Int, width w: Int, channels c: Int, _ m: Move) {
        for y in 0..<h {
            for x in 0..<w {
                let sy = y - m.dy, sx = x - m.dx
                let inside = sy >= 0 && sy < h && sx >= 0 && sx < w
                let fy = m.flipY ? h - 1 - sy : sy, fx = m.flipX ? w - 1 - sx : sx
                for k in 0..<c { image[(y * w + x) * c + k] = inside ? source[(fy * w + fx) * c + k] : 0 }
            }
        }
    }

    func validate(imageRank: Int) throws(TrainingError) {
        guard maxShift >= 0 else { throw TrainingError("augmentation maxShift must be at least 0 pixels") }
        guard noise >= 0 && noise.isFinite else { throw TrainingError("augmentation noise must be finite and ≥ 0") }
        if (horizontalFlip || verticalFlip || maxShift > 0) && imageRank != 4 {
            throw TrainingError("flips and shifts need images [N, H, W, C]; these inputs have rank \(imageRank)")
        }
    }
}
