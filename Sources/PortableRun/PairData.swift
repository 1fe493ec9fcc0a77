import Datasets
import NeuralCore

/// The data a pair trains on, as lessons.wasm can make it: generated Shapes, or
/// Fashion-MNIST mosaics drawn from the images the host handed over (the module reads
/// no files; natively the images come from the spec's IDX files).
public enum PairData: Sendable {
    case shapes(Shapes)
    case fashionMosaics(FashionMosaics)

    /// The dataset; mosaics need `fashion`, the items they are drawn from.
    public func generate(fashion: FashionImages?) throws(PairError) -> Dataset {
        switch self {
        case .shapes(let shapes):
            do { return try shapes.generate().dataset } catch { throw PairError(error.description) }
        case .fashionMosaics(let mosaics):
            guard let fashion else {
                throw PairError("dataset: FashionMosaics needs the Fashion-MNIST images, and none were given "
                                + "(the host hands them over with lessons_fashion_images)")
            }
            do { return try mosaics.generate(from: fashion).dataset } catch { throw PairError(error.description) }
        }
    }
}
