import XCTest
import CZlib
import Foundation
@testable import Datasets

/// A fresh folder under the temporary directory, removed by `remove()`.
struct TemporaryFolder {
    let path: String

    init() throws {
        let base = (NSTemporaryDirectory() as NSString).appendingPathComponent("datasets-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        path = LessonPath.realPath(base)!
    }

    /// The full path of `name`, its folders created.
    private func prepare(_ name: String) throws -> String {
        let full = path + "/" + name
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        return full
    }

    func write(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: try prepare(name)))
    }

    /// Writes `bytes` gzip-compressed through zlib's gz* file interface.
    func writeGzip(_ name: String, _ bytes: [UInt8]) throws {
        let file = try XCTUnwrap(gzopen(try prepare(name), "wb"))
        _ = bytes.withUnsafeBytes { gzwrite(file, $0.baseAddress, UInt32($0.count)) }
        gzclose(file)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Little-endian bytes of fixed-width values, as NumPy writes them with '<'.
enum LittleEndian {
    static func bytes<T: FixedWidthInteger>(_ values: [T]) -> [UInt8] {
        values.flatMap { v in withUnsafeBytes(of: v.littleEndian) { Array($0) } }
    }
    static func bytes(_ values: [Float]) -> [UInt8] { bytes(values.map(\.bitPattern)) }
    static func bytes(_ values: [Double]) -> [UInt8] { bytes(values.map(\.bitPattern)) }
}

/// A `.npy` writer following numpy.lib.format: magic, version, little-endian header
/// length, a dict literal padded with spaces and ended by a newline so the data starts
/// on a multiple of 64 bytes.
enum NpyWriter {
    static func file(descr: String, shape: [Int], data: [UInt8], version: UInt8 = 1, fortranOrder: Bool = false) -> [UInt8] {
        let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var header = "{'descr': '\(descr)', 'fortran_order': \(fortranOrder ? "True" : "False"), 'shape': \(shapeText), }"
        let prefix = version == 1 ? 10 : 12
        let unpadded = prefix + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        let length = header.utf8.count
        let lengthBytes: [UInt8] = version == 1 ? LittleEndian.bytes([UInt16(length)]) : LittleEndian.bytes([UInt32(length)])
        return [0x93] + Array("NUMPY".utf8) + [version, 0] + lengthBytes + Array(header.utf8) + data
    }
}

/// An IDX writer following LeCun's description: 00 00, type code, rank, big-endian
/// UInt32 dimensions, big-endian data.
enum IDXWriter {
    static func file(typeCode: UInt8, shape: [Int], data: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = [0, 0, typeCode, UInt8(shape.count)]
        for d in shape { bytes += withUnsafeBytes(of: UInt32(d).bigEndian) { Array($0) } }
        return bytes + data
    }

    static func bigEndian(_ values: [Float]) -> [UInt8] {
        values.flatMap { v in withUnsafeBytes(of: v.bitPattern.bigEndian) { Array($0) } }
    }
}

/// Asserts `body` throws a `DatasetError` whose message contains every fragment.
func assertDatasetError(_ fragments: [String], file: StaticString = #filePath, line: UInt = #line,
                        _ body: () throws -> Void) {
    do {
        try body()
        XCTFail("expected an error mentioning \(fragments)", file: file, line: line)
    } catch let tagged as DatasetArgumentError {
        assertDatasetError(fragments, file: file, line: line) { throw tagged.error }
    } catch let error as DatasetError {
        for fragment in fragments where !error.description.contains(fragment) {
            XCTFail("'\(error.description)' does not mention '\(fragment)'", file: file, line: line)
        }
    } catch {
        XCTFail("unexpected error \(error)", file: file, line: line)
    }
}
