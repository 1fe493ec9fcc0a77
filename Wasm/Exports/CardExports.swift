import ResultsAssembly
import ResultsRendering

// A dataset card after a rerun changed the data: a host passes the published results.json
// and `{"dataset": D}`, and reads back the card (`lessons_output`: hash, preview name, summary,
// default sweep metrics, grid; see `DatasetCardRequest`) and the preview's pixels
// (`lessons_card_pixels`: 8-bit, row-major, `grid.channels` per pixel) to draw into a canvas.

/// The last card's pixels, kept alive for the host to read.
nonisolated(unsafe) private var lastPixels: [UInt8] = []

/// Makes the card. Status: 0 done, 1 unreadable input or data that cannot be made (`lessons_error` says where).
@_expose(wasm, "lessons_dataset_card") @_cdecl("lessons_dataset_card")
public func lessonsDatasetCard(_ published: UnsafePointer<UInt8>, _ publishedLength: Int32,
                               _ request: UnsafePointer<UInt8>, _ requestLength: Int32) -> Int32 {
    lastOutput = []
    lastPixels = []
    do {
        let card = try DatasetCardRequest.answer(
            published: Array(UnsafeBufferPointer(start: published, count: Int(max(publishedLength, 0)))),
            request: Array(UnsafeBufferPointer(start: request, count: Int(max(requestLength, 0)))), fashion: fashionImages)
        lastOutput = Array(card.json.utf8)
        lastPixels = card.pixels
        return 0
    } catch {
        lastError = Array(error.message.utf8)
        return 1
    }
}

@_expose(wasm, "lessons_card_pixels") @_cdecl("lessons_card_pixels")
public func lessonsCardPixels() -> UnsafeRawPointer? { address(lastPixels) }
@_expose(wasm, "lessons_card_pixels_length") @_cdecl("lessons_card_pixels_length")
public func lessonsCardPixelsLength() -> Int32 { Int32(lastPixels.count) }
