import XCTest
@testable import Datasets

final class IDXDatasetTests: XCTestCase {
    var folder: TemporaryFolder!
    override func setUpWithError() throws { folder = try TemporaryFolder() }
    override func tearDown() { folder.remove() }

    private let pixels: [UInt8] = (0..<(6 * 4 * 4)).map { UInt8(($0 * 7) % 256) }
    private let classes: [UInt8] = [0, 1, 2, 1, 0, 3]

    func testRawAndGzipFilesRoundTrip() throws {
        try folder.write("images-idx3-ubyte", IDXWriter.file(typeCode: 0x08, shape: [6, 4, 4], data: pixels))
        try folder.writeGzip("images-idx3-ubyte.gz", IDXWriter.file(typeCode: 0x08, shape: [6, 4, 4], data: pixels))
        try folder.writeGzip("labels-idx1-ubyte.gz", IDXWriter.file(typeCode: 0x08, shape: [6], data: classes))
        let raw = try IDXDataset(images: "images-idx3-ubyte", labels: "labels-idx1-ubyte.gz",
                                 names: ["a", "b", "c", "d"], testFraction: 0, validationFraction: 0)
            .load(relativeTo: folder.path)
        XCTAssertEqual(raw.train.images.storage, pixels.map { Float($0) / 255 })
        XCTAssertEqual(raw.train.images.shape, [6, 4, 4, 1])
        XCTAssertEqual(raw.train.labels.shape, [6, 4])
        for (i, c) in classes.enumerated() {
            XCTAssertEqual(Array(raw.train.labels.storage[(i * 4)..<(i * 4 + 4)]), (0..<4).map { $0 == Int(c) ? 1 : 0 })
        }
        let gz = try IDXDataset(images: "images-idx3-ubyte.gz", labels: "labels-idx1-ubyte.gz",
                                names: ["a", "b", "c", "d"], testFraction: 0, validationFraction: 0)
            .load(relativeTo: folder.path)
        XCTAssertEqual(gz, raw)

        // Two gzip members back to back (as `cat a.gz b.gz` makes) read as one stream.
        let whole = IDXWriter.file(typeCode: 0x08, shape: [6, 4, 4], data: pixels)
        try folder.writeGzip("head.gz", Array(whole.prefix(40)))
        try folder.writeGzip("tail.gz", Array(whole.dropFirst(40)))
        let head = try XCTUnwrap(FileManager.default.contents(atPath: folder.path + "/head.gz"))
        let tail = try XCTUnwrap(FileManager.default.contents(atPath: folder.path + "/tail.gz"))
        try folder.write("two-members.gz", [UInt8](head) + [UInt8](tail))
        let joined = try IDXDataset(images: "two-members.gz", labels: "labels-idx1-ubyte.gz",
                                    names: ["a", "b", "c", "d"], testFraction: 0, validationFraction: 0)
            .load(relativeTo: folder.path)
        XCTAssertEqual(joined, raw)
    }

    func testFloatImagesWithChannelsAndMultiHotLabels() throws {
        let values: [Float] = (0..<(2 * 2 * 2 * 3)).map { Float($0) / 23 }
        try folder.write("x.idx", IDXWriter.file(typeCode: 0x0D, shape: [2, 2, 2, 3], data: IDXWriter.bigEndian(values)))
        try folder.write("y.idx", IDXWriter.file(typeCode: 0x08, shape: [2, 3], data: [1, 1, 0, 0, 0, 1]))
        let data = try IDXDataset(images: "x.idx", labels: "y.idx", testFraction: 0, validationFraction: 0)
            .load(relativeTo: folder.path)
        XCTAssertEqual(data.train.images.storage, values)
        XCTAssertEqual(data.train.labels.storage, [1, 1, 0, 0, 0, 1])
        XCTAssertEqual(data.labelNames, ["label 0", "label 1", "label 2"])
    }

    func testMalformedFilesNameTheFileAndTheProblem() throws {
        try folder.write("labels.idx", IDXWriter.file(typeCode: 0x08, shape: [6], data: classes))
        let good = IDXWriter.file(typeCode: 0x08, shape: [6, 4, 4], data: pixels)
        func load(_ bytes: [UInt8]) throws {
            try folder.write("bad.idx", bytes)
            _ = try IDXDataset(images: "bad.idx", labels: "labels.idx").load(relativeTo: folder.path)
        }
        assertDatasetError(["bad.idx", "truncated"]) { try load(Array(good.dropLast(1))) }
        assertDatasetError(["bad.idx", "truncated"]) { try load(Array(good.prefix(9))) }
        assertDatasetError(["bad.idx", "wrong magic"]) { try load([0x1F, 0x00] + good.dropFirst(2)) }
        assertDatasetError(["bad.idx", "wrong dtype", "0A"]) { try load([0, 0, 0x0A] + good.dropFirst(3)) }
        assertDatasetError(["bad.idx", "shape mismatch"]) { try load(good + [1]) }
        // A gzip file cut short.
        try folder.writeGzip("whole.gz", good)
        let compressed = try XCTUnwrap(FileManager.default.contents(atPath: folder.path + "/whole.gz"))
        assertDatasetError(["bad.idx", "truncated gzip"]) { try load(Array([UInt8](compressed).dropLast(20))) }
        try folder.write("seven.idx", IDXWriter.file(typeCode: 0x08, shape: [7], data: [0, 0, 0, 0, 0, 0, 0]))
        try folder.write("images.idx", good)
        assertDatasetError(["seven.idx", "7 labels for 6 images"]) {
            _ = try IDXDataset(images: "images.idx", labels: "seven.idx").load(relativeTo: folder.path)
        }
        assertDatasetError(["labels.idx", "class id 2 of item 2", "0..<2"]) {
            _ = try IDXDataset(images: "images.idx", labels: "labels.idx", names: ["x", "y"]).load(relativeTo: folder.path)
        }
    }
}
