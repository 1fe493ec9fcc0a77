import Foundation
import Datasets

/// The Fashion-MNIST items for lessons.wasm: `site/assets/fashion-mnist.js`, beside the
/// module, which the page's "Rerun in your browser" loads (only when a pair it trains draws
/// mosaics) and `lessons verify --engine wasm` hands to the module. A script, because a
/// page opened from `file://` may load a script of its site but not `fetch()` a file:
/// `self.lessonsFashion = "…"`, the packed items gzipped (-9n) in base64. Written by
/// `lessons fashion-asset` (same bytes on every write) and committed with the site.
///
/// It holds both files whole (60,000 + 10,000 items, `FashionImages.packed`): a mosaic's
/// items are the first ones of each class's pool, shuffled by the dataset's seed, so with
/// the seed a parameter any item of either file can be drawn.
public enum FashionAsset {
    public static let fileName = "fashion-mnist.js"
    static let prefix = "// lessons: Fashion-MNIST (Xiao, Rasul & Vollgraf 2017, MIT licence) for reruns in the browser: "
        + "the packed items (FashionImages.packed), gzip -9n, base64.\nself.lessonsFashion = \""
    static let suffix = "\";\n"

    /// Where the asset lies for `module` (lessons.wasm): in the same folder.
    public static func path(besideModule module: String) -> String {
        URL(fileURLWithPath: module).deletingLastPathComponent().appendingPathComponent(fileName).path
    }

    /// The asset's bytes: the system copy of Fashion-MNIST, packed, gzipped and wrapped as a script.
    public static func bytes() throws -> Data {
        script(gzipped: GzipWriter.compress(try FashionMosaics().images(relativeTo: nil).packed))
    }

    /// The asset script around gzipped packed items (what `run-node.mjs --fashion` and the page read).
    public static func script(gzipped: [UInt8]) -> Data {
        Data((prefix + Data(gzipped).base64EncodedString() + suffix).utf8)
    }

    /// Writes the asset into `site`'s assets unless it is there with the same bytes.
    /// Returns the path written, or nil when it was up to date.
    public static func write(site: String) throws -> String? {
        let path = (site as NSString).appendingPathComponent("assets/" + fileName)
        let data = try bytes()
        if FileManager.default.contents(atPath: path) == data { return nil }
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        return path
    }
}
