import CPNG

/// 8-bit grayscale or RGB PNG, written to memory by libpng's simplified API.
///
/// The simplified writer emits only the image chunks (no tIME, no text), so the same
/// pixels always give the same bytes.
enum PNGEncoder {
    static func encode(pixels: [UInt8], width: Int, height: Int, channels: Int) throws -> [UInt8] {
        precondition(channels == 1 || channels == 3, "PNG previews are gray or RGB")
        precondition(pixels.count == width * height * channels)
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        image.width = UInt32(width)
        image.height = UInt32(height)
        image.format = channels == 1 ? UInt32(PNG_FORMAT_GRAY) : UInt32(PNG_FORMAT_RGB)
        var size = 0
        let stride = Int32(width * channels)
        // First call measures, second writes.
        guard png_image_write_to_memory(&image, nil, &size, 0, pixels, stride, nil) != 0 else {
            throw failure(&image)
        }
        var output = [UInt8](repeating: 0, count: size)
        let ok = output.withUnsafeMutableBytes { buffer in
            png_image_write_to_memory(&image, buffer.baseAddress, &size, 0, pixels, stride, nil)
        }
        guard ok != 0 else { throw failure(&image) }
        return Array(output[0..<size])
    }

    private static func failure(_ image: inout png_image) -> DatasetError {
        let message = withUnsafeBytes(of: image.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        png_image_free(&image)
        return DatasetError.invalidArgument(argument: "preview", problem: "libpng could not write the image: \(message)")
    }
}
