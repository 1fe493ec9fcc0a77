import Foundation
import Datasets
import Experiments
import LessonKit

/// A small stand-in for Fashion-MNIST (tests read nothing outside the repository):
/// 300 training and 100 test items, item i of class i % 10 with a pattern of its own.
enum SmallFashion {
    static let images: FashionImages = {
        func split(_ count: Int, salt: Int) -> FashionImages.Split {
            let pixels = (0..<count).flatMap { i in
                (0..<784).map { p in UInt8(truncatingIfNeeded: (i * 37 + p * (i % 7 + 1) + salt) % 256) }
            }
            return FashionImages.Split(pixels: pixels, labels: (0..<count).map { UInt8($0 % 10) })
        }
        return FashionImages(train: split(300, salt: 0), test: split(100, salt: 11))
    }()

    /// A CNN on pooled 28-pixel mosaics of the stand-in's items.
    static let pair = PairRequest(
        run: Run("mosaics", model: CNN(filters: [4], dense: [8], dropout: 0), loss: .binaryCrossEntropy(posWeight: .balanced),
                 epochs: 2, batchSize: 16, threshold: .tuned(maximizing: .f1), seed: 2),
        dataset: .fashionMosaics(FashionMosaics(categories: ["sneaker", "bag", "ankle boot"], prevalence: [0.4, 0.2, 0.1],
                                                size: 28, train: 64, validation: 24, test: 32, seed: 5)))

    /// `images` as the site asset holds them (packed, gzipped, in the asset's script), in a temporary file.
    static func file(_ images: FashionImages) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-small-fashion-\(getpid()).js")
        if !FileManager.default.fileExists(atPath: url.path) {
            try FashionAsset.script(gzipped: GzipWriter.compress(images.packed)).write(to: url, options: .atomic)
        }
        return url.path
    }
}
