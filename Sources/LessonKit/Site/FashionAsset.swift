import Foundation
import Datasets

/// The Fashion-MNIST items for lessons.wasm: `site/assets/fashion-mnist.bin.gz`, beside
/// the module, which the page (and `lessons verify --engine wasm`) hands to the module
/// when a lesson's mosaics rerun. Written on demand (`lessons fashion-asset`), not by
/// `lessons build` and not committed: at 30 MB it waits until the page's rerun panel uses it.
///
/// It holds both files whole (60,000 + 10,000 items, `FashionImages.packed`, gzip -9n):
/// a mosaic's items are the first ones of each class's pool, shuffled by the dataset's
/// seed, so with the seed a parameter any item of either file can be drawn.
public enum FashionAsset {
    public static let fileName = "fashion-mnist.bin.gz"

    /// Where the asset lies for `module` (lessons.wasm): in the same folder.
    public static func path(besideModule module: String) -> String {
        URL(fileURLWithPath: module).deletingLastPathComponent().appendingPathComponent(fileName).path
    }

    /// The asset's bytes: the system copy of Fashion-MNIST, packed and gzipped.
    public static func bytes() throws -> [UInt8] {
        GzipWriter.compress(try FashionMosaics().images(relativeTo: nil).packed)
    }

    /// Writes the asset into `site`'s assets unless it is there with the same bytes.
    /// Returns the path written, or nil when it was up to date.
    public static func write(site: String) throws -> String? {
        let path = (site as NSString).appendingPathComponent("assets/" + fileName)
        let data = Data(try bytes())
        if FileManager.default.contents(atPath: path) == data { return nil }
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        return path
    }
}
