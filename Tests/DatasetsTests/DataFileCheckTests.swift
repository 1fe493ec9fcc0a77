import XCTest
import Foundation
@testable import Datasets

/// Bad data files are bad input: each is refused from its header, before any data
/// is read in full, with the file named and the problem said.
final class DataFileCheckTests: XCTestCase {
    var folder: TemporaryFolder!
    override func setUpWithError() throws { folder = try TemporaryFolder() }
    override func tearDown() { folder.remove() }

    private func labels(_ n: Int) throws {
        try folder.write("labels.npy", NpyWriter.file(descr: "|u1", shape: [n], data: (0..<n).map { UInt8($0 % 2) }))
    }

    private func inspect(_ images: String, labels: String = "labels.npy") throws -> PlannedData? {
        try NumpyDataset(images: images, labels: labels).inspect(relativeTo: folder.path)
    }

    /// Both the header check and the full read give the error.
    private func assertRefused(_ images: String, _ fragments: [String], file: StaticString = #filePath, line: UInt = #line) {
        assertDatasetError(fragments, file: file, line: line) { _ = try self.inspect(images) }
        assertDatasetError(fragments, file: file, line: line) {
            _ = try NumpyDataset(images: images, labels: "labels.npy").load(relativeTo: self.folder.path)
        }
    }

    func testHeadersGiveTheSizesBeforeAnyDataIsRead() throws {
        try labels(10)
        try folder.write("x.npy", NpyWriter.file(descr: "|u1", shape: [10, 3, 2], data: [UInt8](repeating: 9, count: 60)))
        XCTAssertEqual(try inspect("x.npy"), PlannedData(train: 7, evaluated: 3, height: 3, width: 2, channels: 1, labels: nil))
        try folder.writeGzip("x.idx.gz", IDXWriter.file(typeCode: 0x08, shape: [10, 4, 5, 3], data: [UInt8](repeating: 1, count: 600)))
        try folder.write("y.idx", IDXWriter.file(typeCode: 0x08, shape: [10, 2], data: [UInt8](repeating: 0, count: 20)))
        XCTAssertEqual(try IDXDataset(images: "x.idx.gz", labels: "y.idx", testFraction: 0.5).inspect(relativeTo: folder.path),
                       PlannedData(train: 4, evaluated: 6, height: 4, width: 5, channels: 3, labels: 2))
    }

    func testFIFOsFoldersEmptyAndGarbageFiles() throws {
        try labels(10)
        XCTAssertEqual(mkfifo(folder.path + "/pipe.npy", 0o600), 0)
        // A FIFO with no writer would block a plain read forever: it must be refused at once.
        let done = expectation(description: "the FIFO is refused without blocking")
        let path = folder.path
        DispatchQueue.global().async {
            assertDatasetError(["pipe.npy", "FIFO"]) { _ = try NumpyDataset(images: "pipe.npy", labels: "labels.npy").inspect(relativeTo: path) }
            assertDatasetError(["pipe.npy", "FIFO"]) { _ = try NumpyDataset(images: "pipe.npy", labels: "labels.npy").load(relativeTo: path) }
            done.fulfill()
        }
        wait(for: [done], timeout: 20)
        try FileManager.default.createDirectory(atPath: folder.path + "/dir.npy", withIntermediateDirectories: true)
        assertRefused("dir.npy", ["dir.npy", "folder"])
        try folder.write("empty.npy", [])
        assertRefused("empty.npy", ["empty.npy", "empty"])
        try folder.write("none.npy", NpyWriter.file(descr: "|u1", shape: [0, 2, 2], data: []))
        assertRefused("none.npy", ["none.npy", "non-empty", "[0, 2, 2]"])
        try folder.write("garbage.npy", Array("this is not an array at all".utf8))
        assertRefused("garbage.npy", ["garbage.npy", "wrong magic"])
    }

    func testLyingAndOverflowingHeaders() throws {
        try labels(1000)
        // Claims 1000 images of 28×28 and holds 10 bytes: refused from the header and the file's size.
        try folder.write("short.npy", NpyWriter.file(descr: "|u1", shape: [1000, 28, 28], data: [UInt8](repeating: 0, count: 10)))
        assertRefused("short.npy", ["short.npy", "truncated", "784000 bytes", "has 10"])
        try folder.write("huge.npy", NpyWriter.file(descr: "<f8", shape: [1 << 62, 1 << 62, 4], data: []))
        assertRefused("huge.npy", ["huge.npy", "more than 268435456 values"])
        try folder.write("wide.idx", IDXWriter.file(typeCode: 0x0E, shape: [0xFFFF_FFFF, 0xFFFF_FFFF, 0xFFFF_FFFF], data: []))
        assertDatasetError(["wide.idx", "more than"]) {
            _ = try IDXDataset(images: "wide.idx", labels: "labels.npy").inspect(relativeTo: self.folder.path)
        }
        // A header length of 4 GiB, and brackets nested past any real header.
        try folder.write("long.npy", [0x93] + Array("NUMPY".utf8) + [2, 0, 0xFF, 0xFF, 0xFF, 0xFF] + Array("{".utf8))
        assertRefused("long.npy", ["long.npy", "at most 65536"])
        let nested = "{'descr': '|u1', 'fortran_order': False, 'shape': " + String(repeating: "(", count: 5000) + "}"
        try folder.write("nested.npy", [0x93] + Array("NUMPY".utf8) + [1, 0] + LittleEndian.bytes([UInt16(nested.utf8.count)])
                         + Array(nested.utf8))
        assertRefused("nested.npy", ["nested.npy", "nested too deeply"])
    }

    func testGzipIsInflatedOnlyAsFarAsTheHeaderDeclares() throws {
        try labels(1)
        // 32 MiB of zeros behind a header declaring 4 bytes: reading stops one byte past them.
        let bomb = IDXWriter.file(typeCode: 0x08, shape: [1, 2, 2], data: [UInt8](repeating: 0, count: 32 << 20))
        try folder.writeGzip("bomb.gz", bomb)
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: folder.path + "/bomb.gz")[.size] as? Int)
        XCTAssertLessThan(size, 100_000)
        let file = try DataFile(path: folder.path + "/bomb.gz", shownAs: "bomb.gz")
        let header = try IDXFile.header(of: file)
        XCTAssertEqual(header.dataBytes, 4)
        assertDatasetError(["bomb.gz", "shape mismatch", "needs 4 bytes", "the file has more"]) { _ = try header.readValues(from: file) }
        assertDatasetError(["bomb.gz", "shape mismatch"]) {
            _ = try IDXDataset(images: "bomb.gz", labels: "labels.npy").inspect(relativeTo: self.folder.path)
        }
        // A header declaring 256 MiB over 1 KiB of data: truncated, found without holding 256 MiB.
        try folder.writeGzip("claims.gz", IDXWriter.file(typeCode: 0x08, shape: [4096, 256, 256], data: [UInt8](repeating: 7, count: 1024)))
        assertDatasetError(["claims.gz", "truncated", "268435456 bytes"]) {
            _ = try IDXDataset(images: "claims.gz", labels: "labels.npy").inspect(relativeTo: self.folder.path)
        }
        let claims = try DataFile(path: folder.path + "/claims.gz", shownAs: "claims.gz")
        let declared = try IDXFile.header(of: claims)
        XCTAssertEqual(try claims.read(declared.dataBytes).count, 1024, "a short stream reads what it holds")
    }

    func testChannelsFirstImagesAreRefusedWithTheFix() throws {
        try labels(4)
        try folder.write("gray.npy", NpyWriter.file(descr: "|u1", shape: [4, 1, 8, 8], data: [UInt8](repeating: 0, count: 256)))
        assertRefused("gray.npy", ["gray.npy", "[4, 1, 8, 8]", "channels-first", "np.moveaxis(x, 1, -1)", "[4, 8, 8, 1]"])
        try folder.write("rgb.npy", NpyWriter.file(descr: "|u1", shape: [4, 3, 6, 5], data: [UInt8](repeating: 0, count: 360)))
        assertRefused("rgb.npy", ["rgb.npy", "channels-first", "[4, 6, 5, 3]"])
        try folder.write("square.npy", NpyWriter.file(descr: "|u1", shape: [4, 1, 4, 4], data: [UInt8](repeating: 0, count: 64)))
        assertRefused("square.npy", ["square.npy", "channels-first", "[4, 4, 4, 1]"])
        try folder.write("last.npy", NpyWriter.file(descr: "|u1", shape: [4, 8, 8, 3], data: [UInt8](repeating: 0, count: 768)))
        XCTAssertEqual(try inspect("last.npy")?.channels, 3)
    }

    func testCountsThatDisagreeAndPathsThatEscape() throws {
        try labels(9)
        try folder.write("x.npy", NpyWriter.file(descr: "|u1", shape: [10, 2, 2], data: [UInt8](repeating: 0, count: 40)))
        assertRefused("x.npy", ["labels.npy", "9 labels for 10 images in x.npy"])
        try folder.write("cols.npy", NpyWriter.file(descr: "|u1", shape: [10, 3], data: [UInt8](repeating: 0, count: 30)))
        assertDatasetError(["cols.npy", "3 label columns for 2 label names"]) {
            _ = try NumpyDataset(images: "x.npy", labels: "cols.npy", names: ["a", "b"]).inspect(relativeTo: self.folder.path)
        }
        assertRefused("x.npy\u{0}.png", ["x.npy\\u{0}.png", "control character"])
        let outside = try TemporaryFolder()
        defer { outside.remove() }
        try outside.write("secret.npy", NpyWriter.file(descr: "|u1", shape: [9, 2, 2], data: [UInt8](repeating: 0, count: 36)))
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/link.npy", withDestinationPath: outside.path + "/secret.npy")
        assertRefused("link.npy", ["link.npy", "symbolic link", "outside the lesson's folder"])
    }
}
