import XCTest
@testable import Datasets

/// The portable half of Fashion-MNIST mosaics: the packed images lessons.wasm is handed
/// build the same mosaics as the IDX files they came from, and the asset's gzip is
/// deterministic and inflates back.
final class FashionImagesTests: XCTestCase {
    private func writeFiles(in folder: TemporaryFolder) throws {
        for (prefix, count) in [("train", 90), ("t10k", 30)] {
            let pixels = (0..<count * 784).map { UInt8(truncatingIfNeeded: $0 * 7 + count) }
            try folder.writeGzip("fashion/\(prefix)-images-idx3-ubyte.gz", IDXWriter.file(typeCode: 8, shape: [count, 28, 28], data: pixels))
            try folder.writeGzip("fashion/\(prefix)-labels-idx1-ubyte.gz",
                                 IDXWriter.file(typeCode: 8, shape: [count], data: (0..<count).map { UInt8($0 * 3 % 10) }))
        }
    }

    func testPackedImagesBuildTheMosaicsOfTheirFiles() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try writeFiles(in: folder)
        let spec = FashionMosaics(prevalence: [0.5, 0.4, 0.3, 0.2, 0.1], size: 28, train: 40, validation: 10, test: 20,
                                  seed: 9, folder: "fashion")
        let read = try spec.images(relativeTo: folder.path)
        let packed = read.packed
        XCTAssertEqual(packed.count, 12 + 120 * 785)
        XCTAssertEqual(Array(packed[0..<12]), Array("LFM1".utf8) + [90, 0, 0, 0, 30, 0, 0, 0])
        let unpacked = try FashionImages(packed: packed, shownAs: "asset")
        XCTAssertEqual(unpacked.train.pixels, read.train.pixels)
        XCTAssertEqual(unpacked.test.labels, read.test.labels)
        let fromFiles = try spec.generate(relativeTo: folder.path), fromPacked = try spec.generate(from: unpacked)
        XCTAssertEqual(fromPacked.dataset.train.images.storage.map(\.bitPattern), fromFiles.dataset.train.images.storage.map(\.bitPattern))
        XCTAssertEqual(fromPacked.dataset.test.labels.storage, fromFiles.dataset.test.labels.storage)
        XCTAssertEqual(fromPacked.validationTiles, fromFiles.validationTiles)
        XCTAssertGreaterThan(fromPacked.dataset.train.images.storage.filter { $0 > 0 }.count, 1000)
    }

    func testBadPackedBytesAreRefusedByName() {
        let good = FashionImages(train: .init(pixels: [UInt8](repeating: 1, count: 784), labels: [3]),
                                 test: .init(pixels: [], labels: [])).packed
        var badLabel = good
        badLabel[badLabel.count - 1] = 10
        for (bytes, message) in [
            (Array("GIF89a".utf8), "asset: not packed Fashion-MNIST images (no LFM1 header)"),
            (Array(good.dropLast()), "asset: 796 bytes, expected 797 for 1 + 0 items"),
            (badLabel, "asset: class id 10 is not one of 0...9"),
        ] {
            XCTAssertThrowsError(try FashionImages(packed: bytes, shownAs: "asset")) {
                XCTAssertEqual(($0 as? DatasetError)?.description, message)
            }
        }
    }

    func testGzipIsDeterministicAndInflatesBack() throws {
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: ($0 % 251) / 16 + $0 / 5_000) }
        let compressed = GzipWriter.compress(bytes)
        XCTAssertEqual(compressed, GzipWriter.compress(bytes))
        // gzip magic, deflate, no flags, time stamp 0, maximum compression.
        XCTAssertEqual(Array(compressed[0..<9]), [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2])
        XCTAssertLessThan(compressed.count, bytes.count / 2)
        var offset = 0
        let stream = try GzipStream(shownAs: "test") { n in
            defer { offset = min(offset + n, compressed.count) }
            return Array(compressed[offset..<min(offset + n, compressed.count)])
        }
        XCTAssertEqual(try stream.read(bytes.count + 1), bytes)
    }
}
