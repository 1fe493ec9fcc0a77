import XCTest
@testable import Datasets

final class NumpyDatasetTests: XCTestCase {
    var folder: TemporaryFolder!
    override func setUpWithError() throws { folder = try TemporaryFolder() }
    override func tearDown() { folder.remove() }

    /// 10 images of 3×2 where image i holds the byte 20 × i in its first pixel.
    private func writeBytes(version: UInt8 = 1) throws {
        var pixels = [UInt8](repeating: 255, count: 10 * 6)
        for i in 0..<10 { pixels[i * 6] = UInt8(20 * i) }
        try folder.write("data/images.npy", NpyWriter.file(descr: "|u1", shape: [10, 3, 2], data: pixels, version: version))
        try folder.write("data/labels.npy", NpyWriter.file(descr: "<i8", shape: [10],
                                                           data: LittleEndian.bytes((0..<10).map { Int64($0 % 3) }),
                                                           version: version))
    }

    func testClassIdsAndBytesRoundTripAndSplitCoversEveryImage() throws {
        try writeBytes()
        let data = try NumpyDataset(images: "data/images.npy", labels: "data/labels.npy",
                                    testFraction: 0.2, validationFraction: 0.1, seed: 4).load(relativeTo: folder.path)
        XCTAssertEqual(data.labelNames, ["label 0", "label 1", "label 2"])
        XCTAssertEqual([data.train.count, data.validation.count, data.test.count], [7, 1, 2])
        XCTAssertEqual(data.imageShape, [3, 2, 1])
        var seen: [Int] = []
        for part in [data.train, data.validation, data.test] {
            for n in 0..<part.count {
                let i = Int((part.images.storage[n * 6] * 255).rounded()) / 20
                seen.append(i)
                XCTAssertEqual(part.images.storage[n * 6], Float(20 * i) / 255)
                XCTAssertEqual(part.images.storage[n * 6 + 1], 1)
                XCTAssertEqual(Array(part.labels.storage[(n * 3)..<(n * 3 + 3)]), (0..<3).map { $0 == i % 3 ? 1 : 0 })
            }
        }
        XCTAssertEqual(seen.sorted(), Array(0..<10))
        let again = try NumpyDataset(images: "data/images.npy", labels: "data/labels.npy", seed: 4).load(relativeTo: folder.path)
        XCTAssertEqual(again, data)
    }

    func testFloatImagesMultiHotLabelsExplicitTestFilesAndLaterVersions() throws {
        let pixels: [Float] = (0..<(4 * 2 * 2 * 3)).map { Float($0) / 47 }
        try folder.write("x.npy", NpyWriter.file(descr: "<f4", shape: [4, 2, 2, 3], data: LittleEndian.bytes(pixels), version: 2))
        let hot: [Double] = [1, 0, 1, 1, 0, 0, 1, 1]
        try folder.write("y.npy", NpyWriter.file(descr: "<f8", shape: [4, 2], data: LittleEndian.bytes(hot), version: 3))
        try folder.write("tx.npy", NpyWriter.file(descr: "|u1", shape: [1, 2, 2, 3], data: [UInt8](repeating: 51, count: 12)))
        try folder.write("ty.npy", NpyWriter.file(descr: "|b1", shape: [1, 2], data: [0, 1]))
        let data = try NumpyDataset(images: "x.npy", labels: "y.npy", names: ["cat", "dog"], testImages: "tx.npy",
                                    testLabels: "ty.npy", validationFraction: 0).load(relativeTo: folder.path)
        XCTAssertEqual(data.labelNames, ["cat", "dog"])
        XCTAssertEqual(data.train.images.storage, pixels)
        XCTAssertEqual(data.train.labels.storage, hot.map(Float.init))
        XCTAssertEqual(data.test.images.storage, [Float](repeating: 0.2, count: 12))
        XCTAssertEqual(data.test.labels.storage, [0, 1])
        XCTAssertEqual(data.validation.count, 0)
    }

    func testBigEndianFloats() throws {
        let values: [Float] = [0, 0.25, 0.5, 1]
        let bigEndian = values.flatMap { v in withUnsafeBytes(of: v.bitPattern.bigEndian) { Array($0) } }
        try folder.write("x.npy", NpyWriter.file(descr: ">f4", shape: [1, 2, 2], data: bigEndian))
        try folder.write("y.npy", NpyWriter.file(descr: "|u1", shape: [1], data: [0]))
        let data = try NumpyDataset(images: "x.npy", labels: "y.npy", testFraction: 0, validationFraction: 0)
            .load(relativeTo: folder.path)
        XCTAssertEqual(data.train.images.storage, values)
    }

    func testMalformedFilesNameTheFileAndTheProblem() throws {
        try writeBytes()
        let good = NpyWriter.file(descr: "|u1", shape: [10, 3, 2], data: [UInt8](repeating: 0, count: 60))
        func load(_ bytes: [UInt8]) throws {
            try folder.write("bad.npy", bytes)
            _ = try NumpyDataset(images: "bad.npy", labels: "data/labels.npy").load(relativeTo: folder.path)
        }
        assertDatasetError(["bad.npy", "truncated"]) { try load(Array(good.dropLast(7))) }
        assertDatasetError(["bad.npy", "truncated"]) { try load(Array(good.prefix(5))) }
        assertDatasetError(["bad.npy", "wrong magic"]) { try load([0x93] + Array("NUMPI".utf8) + Array(good.dropFirst(6))) }
        assertDatasetError(["bad.npy", "wrong dtype", "<c8"]) {
            try load(NpyWriter.file(descr: "<c8", shape: [10, 3, 2], data: [UInt8](repeating: 0, count: 480)))
        }
        assertDatasetError(["bad.npy", "shape mismatch"]) { try load(good + [0, 0]) }
        assertDatasetError(["bad.npy", "Fortran order"]) {
            try load(NpyWriter.file(descr: "|u1", shape: [10, 3, 2], data: [UInt8](repeating: 0, count: 60), fortranOrder: true))
        }
        assertDatasetError(["bad.npy", "shape mismatch", "[N, H, W]"]) {
            try load(NpyWriter.file(descr: "|u1", shape: [60], data: [UInt8](repeating: 0, count: 60)))
        }
        assertDatasetError(["bad.npy", "[0, 1]"]) {
            try load(NpyWriter.file(descr: "<f4", shape: [10, 3, 2], data: LittleEndian.bytes([Float](repeating: 3, count: 60))))
        }
        // Labels that disagree with the images.
        try folder.write("few.npy", NpyWriter.file(descr: "<i8", shape: [9], data: LittleEndian.bytes([Int64](repeating: 0, count: 9))))
        assertDatasetError(["few.npy", "shape mismatch", "9 labels for 10 images", "data/images.npy"]) {
            _ = try NumpyDataset(images: "data/images.npy", labels: "few.npy").load(relativeTo: folder.path)
        }
        try folder.write("hot.npy", NpyWriter.file(descr: "|u1", shape: [10, 2], data: [UInt8](repeating: 2, count: 20)))
        assertDatasetError(["hot.npy", "0 or 1"]) {
            _ = try NumpyDataset(images: "data/images.npy", labels: "hot.npy").load(relativeTo: folder.path)
        }
        assertDatasetError(["missing.npy", "no such file"]) {
            _ = try NumpyDataset(images: "missing.npy", labels: "data/labels.npy").load(relativeTo: folder.path)
        }
        assertDatasetError(["testLabels"]) {
            _ = try NumpyDataset(images: "data/images.npy", labels: "data/labels.npy", testImages: "data/images.npy")
                .load(relativeTo: folder.path)
        }
    }

    func testHeaderParserReadsWhatNumpyWrites() throws {
        let header = try NumpyHeader.parse("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }          \n")
        XCTAssertEqual(header, NumpyHeader(descr: "<f8", fortranOrder: false, shape: [3]))
        XCTAssertEqual(try NumpyHeader.parse("{\"shape\": (), \"fortran_order\": True, \"descr\": \"|u1\"}").shape, [])
        XCTAssertThrowsError(try NumpyHeader.parse("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,)}"))
        XCTAssertThrowsError(try NumpyHeader.parse("{'descr': '<f4', 'fortran_order': False, 'shape': (1,)"))
    }
}
