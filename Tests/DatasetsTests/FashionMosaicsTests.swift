import XCTest
@testable import Datasets
import PortableText

final class FashionMosaicsTests: XCTestCase {
    /// A small Fashion-MNIST look-alike: item i of a file is filled with byte (i % 250) + 1
    /// and belongs to class i % 10.
    private func writeSmallFiles(in folder: TemporaryFolder, under name: String,
                                 train: Int = 120, test: Int = 40) throws {
        for (prefix, count) in [("train", train), ("t10k", test)] {
            let pixels = (0..<count).flatMap { [UInt8](repeating: UInt8($0 % 250 + 1), count: 784) }
            try folder.writeGzip("\(name)/\(prefix)-images-idx3-ubyte.gz", IDXWriter.file(typeCode: 8, shape: [count, 28, 28], data: pixels))
            try folder.writeGzip("\(name)/\(prefix)-labels-idx1-ubyte.gz",
                                 IDXWriter.file(typeCode: 8, shape: [count], data: (0..<count).map { UInt8($0 % 10) }))
        }
    }

    func testTilesHoldTheRecordedItemsFromTheRightFiles() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try writeSmallFiles(in: folder, under: "fashion")
        let spec = FashionMosaics(prevalence: [0.5, 0.4, 0.3, 0.2, 0.1], train: 60, validation: 20, test: 30,
                                  seed: 3, folder: "fashion")
        let generated = try spec.generate(relativeTo: folder.path)
        let data = generated.dataset
        XCTAssertEqual(data.train.images.shape, [60, 56, 56, 1])
        let parts = [(data.train, generated.trainTiles), (data.validation, generated.validationTiles),
                     (data.test, generated.testTiles)]
        for (images, tiles) in parts {
            for (i, record) in tiles.enumerated() {
                XCTAssertEqual(record.count, 4)
                for (t, tile) in record.enumerated() {
                    let value = images.images.storage[i * 3136 + (t / 2) * 28 * 56 + (t % 2) * 28 + 5 * 56 + 7]
                    XCTAssertEqual(value, tile.map { Float($0.item % 250 + 1) / 255 } ?? 0)
                }
                let shown = Set(record.compactMap { $0?.category })
                let labelled = Set((0..<5).filter { images.labels.storage[i * 5 + $0] == 1 }.map { data.labelNames[$0] })
                XCTAssertEqual(shown.intersection(data.labelNames), labelled)
            }
        }
        XCTAssertTrue(generated.testTiles.joined().allSatisfy { $0 == nil || $0!.file == .test })
        let trainItems = Set(generated.trainTiles.joined().compactMap { $0 }.map { tile -> Int in
            XCTAssertEqual(tile.file, .train); return tile.item })
        let validationItems = Set(generated.validationTiles.joined().compactMap { $0 }.map { tile -> Int in
            XCTAssertEqual(tile.file, .train); return tile.item })
        XCTAssertTrue(trainItems.isDisjoint(with: validationItems))

        // size 28 is the 56 mosaic average-pooled 2×2.
        var small = spec
        small.size = 28
        let pooled = try small.load(relativeTo: folder.path)
        XCTAssertEqual(pooled.train.labels, data.train.labels)
        for i in 0..<3 {
            for y in 0..<28 {
                for x in 0..<28 {
                    let big = data.train.images.storage
                    let p = i * 3136 + 2 * y * 56 + 2 * x
                    let mean = (big[p] + big[p + 1] + big[p + 56] + big[p + 57]) * 255 / 4
                    XCTAssertEqual(pooled.train.images.storage[i * 784 + y * 28 + x] * 255, mean, accuracy: 1e-3)
                }
            }
        }
    }

    func testMissingFilesSayWhereAndHowToInstall() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        assertDatasetError(["nowhere", "train-images-idx3-ubyte.gz", "sudo apt-get install dataset-fashion-mnist"]) {
            _ = try FashionMosaics(folder: "nowhere").load(relativeTo: folder.path)
        }
        try FileManager.default.createDirectory(atPath: folder.path + "/empty", withIntermediateDirectories: true)
        assertDatasetError(["empty", "sudo apt-get install dataset-fashion-mnist"]) {
            _ = try FashionMosaics(folder: "empty").load(relativeTo: folder.path)
        }
        assertDatasetError(["../x", "'..'"]) { _ = try FashionMosaics(folder: "../x").load(relativeTo: folder.path) }
        assertDatasetError(["categories", "'hat'"]) { _ = try FashionMosaics(categories: ["hat"], prevalence: [0.1]).load(relativeTo: nil) }
        assertDatasetError(["size"]) { _ = try FashionMosaics(size: 40).load(relativeTo: nil) }
    }

    // MARK: - Sampling at lesson scale

    /// At the scale of a lesson (thousands of mosaics), on a look-alike folder in the
    /// repository's temporary space: the tests read nothing outside it. The real Debian
    /// files are read by lesson 04 in `make check`.
    func testMosaicsMatchPrevalenceAndKeepSplitsApart() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try writeSmallFiles(in: folder, under: "fashion", train: 2000, test: 500)
        let prevalence = [0.40, 0.20, 0.10, 0.05, 0.02]
        let generated = try FashionMosaics(prevalence: prevalence, train: 4000, validation: 300, test: 500, seed: 1,
                                           folder: "fashion")
            .generate(relativeTo: folder.path)
        let stats = generated.dataset.statistics
        for (want, got) in zip(prevalence, stats.train.prevalence) { XCTAssertEqual(got, want, accuracy: 0.02) }
        XCTAssertGreaterThan(stats.train.shareWithSeveralLabels, 0.05)
        // No test item in a training mosaic; validation items are not training items.
        let train = generated.trainTiles.joined().compactMap { $0 }
        XCTAssertTrue(train.allSatisfy { $0.file == .train })
        XCTAssertTrue(generated.testTiles.joined().compactMap { $0 }.allSatisfy { $0.file == .test })
        let validation = Set(generated.validationTiles.joined().compactMap { $0 }.map(\.item))
        XCTAssertTrue(Set(train.map(\.item)).isDisjoint(with: validation))
        XCTAssertTrue(generated.dataset.train.images.storage.allSatisfy { $0 >= 0 && $0 <= 1 })
    }

    func testMosaicsAreDeterministic() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try writeSmallFiles(in: folder, under: "fashion", train: 600, test: 200)
        let spec = FashionMosaics(train: 50, validation: 10, test: 10, seed: 4, folder: "fashion")
        let a = try spec.load(relativeTo: folder.path), b = try spec.load(relativeTo: folder.path)
        XCTAssertEqual(a, b)
        var other = spec
        other.seed = 5
        XCTAssertNotEqual(try other.load(relativeTo: folder.path).train.images, a.train.images)
    }

    /// A category is matched as `lowercased()` matched it, without Unicode's case tables.
    func testCategoriesAreCaseFoldedAsLowercasedFoldsThem() {
        var names = FashionImages.classNames + FashionImages.classNames.map { $0.uppercased() }
        names += ["T-Shirt", "AN\u{212A}LE BOOT", "Sne\u{212A}er", "SHİRT", "shirt\u{301}", "Ｓhirt", "Σandal", "", "bags"]
        for scalar in (0..<0x3000).compactMap(Unicode.Scalar.init) { names.append("coa\(scalar)") }
        for name in names {
            XCTAssertEqual(FashionImages.classNames.firstIndex(of: name.asciiLowercased),
                           FashionImages.classNames.firstIndex(of: name.lowercased()), name)
        }
        XCTAssertEqual(FashionImages.classNames.firstIndex(of: "AN\u{212A}LE BOOT".asciiLowercased), 9)
    }
}
