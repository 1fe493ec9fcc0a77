import CPNG
import XCTest
import NeuralCore
@testable import Datasets

final class PreviewTests: XCTestCase {
    /// Decodes PNG bytes through libpng into 8-bit pixels of `channels` channels.
    private func decode(_ png: [UInt8], channels: Int) throws -> (pixels: [UInt8], width: Int, height: Int) {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        let begun = png.withUnsafeBytes { png_image_begin_read_from_memory(&image, $0.baseAddress, $0.count) }
        XCTAssertNotEqual(begun, 0)
        image.format = channels == 1 ? UInt32(PNG_FORMAT_GRAY) : UInt32(PNG_FORMAT_RGB)
        var pixels = [UInt8](repeating: 0, count: Int(image.width * image.height) * channels)
        let finished = png_image_finish_read(&image, nil, &pixels, 0, nil)
        XCTAssertNotEqual(finished, 0)
        return (pixels, Int(image.width), Int(image.height))
    }

    /// The chunk types of a PNG, in order.
    private func chunks(_ png: [UInt8]) -> [String] {
        var types: [String] = [], offset = 8
        while offset + 8 <= png.count {
            let length = png[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
            types.append(String(decoding: png[(offset + 4)..<(offset + 8)], as: UTF8.self))
            offset += 12 + length
        }
        return types
    }

    private func tinyDataset(channels: Int) -> Dataset {
        let values = (0..<(3 * 2 * 2 * channels)).map { Float($0) / Float(3 * 4 * channels - 1) }
        let train = LabeledImages(images: Tensor(shape: [3, 2, 2, channels], storage: values),
                                  labels: Tensor(shape: [3, 2], storage: [1, 0, 1, 0, 0, 1]))
        let empty = LabeledImages(images: Tensor(zeros: [0, 2, 2, channels]), labels: Tensor(zeros: [0, 2]))
        return Dataset(labelNames: ["common", "rare"], train: train, validation: empty, test: empty)
    }

    func testPNGDecodesToExactlyThePixelsOfTheGrid() throws {
        for channels in [1, 3] {
            let data = tinyDataset(channels: channels)
            let preview = try data.preview(count: 2, columns: 2, scale: 2, padding: 1)
            // The rare label's only image (2) is shown, then the first image.
            XCTAssertEqual(preview.cells, [PreviewCell(row: 0, column: 0, index: 0, labels: ["common"]),
                                           PreviewCell(row: 0, column: 1, index: 2, labels: ["rare"])])
            XCTAssertEqual([preview.width, preview.height, preview.rows, preview.columns], [11, 6, 1, 2])
            var expected = [UInt8](repeating: 128, count: 11 * 6 * channels)
            for (cell, index) in [0, 2].enumerated() {
                for y in 0..<4 {
                    for x in 0..<4 {
                        for c in 0..<channels {
                            let v = data.train.images.storage[((index * 2 + y / 2) * 2 + x / 2) * channels + c]
                            expected[((1 + y) * 11 + 1 + cell * 5 + x) * channels + c] = UInt8((v * 255).rounded())
                        }
                    }
                }
            }
            let decoded = try decode(preview.png, channels: channels)
            XCTAssertEqual(decoded.width, 11)
            XCTAssertEqual(decoded.height, 6)
            XCTAssertEqual(decoded.pixels, expected)
        }
    }

    func testSameDataGivesSameBytesWithoutVaryingChunks() throws {
        let data = try Shapes(train: 40, validation: 0, test: 0, seed: 2).load()
        let a = try data.preview(), b = try data.preview()
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.cells.count, 16)
        let types = chunks(a.png)
        XCTAssertEqual(types.first, "IHDR")
        XCTAssertEqual(types.last, "IEND")
        XCTAssertFalse(types.contains { ["tIME", "tEXt", "zTXt", "iTXt"].contains($0) }, "\(types)")
        // Every label appears in some caption when the split has it.
        let shown = Set(a.cells.flatMap(\.labels))
        XCTAssertEqual(shown, Set(data.labelNames.filter { name in
            data.statistics.train.positives[data.labelNames.firstIndex(of: name)!] > 0 }))
    }
}
