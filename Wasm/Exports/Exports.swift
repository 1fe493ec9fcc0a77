import NeuralCore
import Datasets
import PortableRun
import SIMDKernels
import WasmSIMD

// The entry points of lessons.wasm: numbers and pointers into linear memory cross the
// boundary. A host allocates with `lessons_alloc`, writes a request (UTF-8 JSON,
// `{"run": …, "dataset": …}`, see `PairRun`), calls `lessons_run_pair` or
// `lessons_shapes`, and reads the answer through `lessons_output` or the
// `lessons_shapes_*` accessors (valid until the next call). scripts/wasm/lessons-host.mjs
// is such a host.

/// The last call's outputs, kept alive for the host to read.
nonisolated(unsafe) var lastOutput: [UInt8] = []
nonisolated(unsafe) private var lastImages: [Float] = []
nonisolated(unsafe) private var lastLabels: [Float] = []
nonisolated(unsafe) var lastError: [UInt8] = []

@_expose(wasm, "lessons_alloc") @_cdecl("lessons_alloc")
public func lessonsAlloc(_ bytes: Int32) -> UnsafeMutableRawPointer {
    UnsafeMutableRawPointer.allocate(byteCount: Int(max(bytes, 1)), alignment: 16)
}

@_expose(wasm, "lessons_free") @_cdecl("lessons_free")
public func lessonsFree(_ pointer: UnsafeMutableRawPointer) { pointer.deallocate() }

/// `a · a − (a · a rounded)` through the kernels' multiply-add, with `a = 1 + x`.
/// For `x = 2⁻¹²` the product 1 + 2⁻¹¹ + 2⁻²⁴ is not a Float, so a fused multiply-add
/// returns 2⁻²⁴ and an unfused one 0. The host passes `x`, so nothing is folded at
/// compile time.
@_expose(wasm, "lessons_fma_probe") @_cdecl("lessons_fma_probe")
public func lessonsFMAProbe(_ x: Float) -> Float {
    let a = SIMD4<Float>(repeating: 1 + x)
    let rounded = a * a
    return (-rounded).addingFusedProduct(a, a)[0]
}

/// 1 when this engine fuses `f32x4.relaxed_madd` (the bits then equal native x86-64
/// and arm64), 0 when it does not: training refuses to run then (status 3), because
/// every number would differ from the published results.
@_expose(wasm, "lessons_fma_is_fused") @_cdecl("lessons_fma_is_fused")
public func lessonsFMAIsFused() -> Int32 {
    let x = Float(1) / Float(lessonsOpaqueFour()) / 1024  // 2⁻¹², computed at run time
    let fused = lessonsFMAProbe(x) == Float(1) / 16_777_216
    return fused ? 1 : 0
}

/// 4, from memory the host could have written: keeps the probe's input opaque.
nonisolated(unsafe) private var opaqueFour: Float = 4
@inline(never) private func lessonsOpaqueFour() -> Float { opaqueFour }

func requestBytes(_ pointer: UnsafePointer<UInt8>, _ count: Int32) -> [UInt8] {
    Array(UnsafeBufferPointer(start: pointer, count: Int(max(count, 0))))
}

/// Trains one (run, seed) pair; its `RunResult` JSON is then `lessons_output`.
/// Status: 0 done, 1 bad request (see `lessons_error`), 3 this engine does not fuse
/// multiply-adds (nothing trained).
@_expose(wasm, "lessons_run_pair") @_cdecl("lessons_run_pair")
public func lessonsRunPair(_ request: UnsafePointer<UInt8>, _ count: Int32) -> Int32 {
    lastOutput = []
    guard lessonsFMAIsFused() == 1 else {
        lastError = Array("this engine does not fuse f32x4.relaxed_madd; its numbers would differ from native".utf8)
        return 3
    }
    do {
        lastOutput = Array(try PairRun.execute(requestBytes(request, count), fashion: fashionImages).utf8)
        return 0
    } catch {
        lastError = Array(error.description.utf8)
        return 1
    }
}

/// Generates the request's dataset (train split): images [N·H·W] and labels [N·L].
@_expose(wasm, "lessons_shapes") @_cdecl("lessons_shapes")
public func lessonsShapes(_ request: UnsafePointer<UInt8>, _ count: Int32) -> Int32 {
    do {
        let data = try PairRun.dataset(PairRun.request(requestBytes(request, count)), fashion: fashionImages)
        lastImages = data.train.images.storage
        lastLabels = data.train.labels.storage
        return 0
    } catch {
        lastError = Array(error.description.utf8)
        return 1
    }
}

/// The Fashion-MNIST items mosaics are drawn from, once the host handed them over.
nonisolated(unsafe) var fashionImages: FashionImages?

/// Takes the packed Fashion-MNIST images (`FashionImages.packed`, the site asset
/// fashion-mnist-04.bin.gz inflated) for the mosaics of later requests.
/// Status: 0 kept, 1 not packed images (see `lessons_error`).
@_expose(wasm, "lessons_fashion_images") @_cdecl("lessons_fashion_images")
public func lessonsFashionImages(_ bytes: UnsafePointer<UInt8>, _ count: Int32) -> Int32 {
    do {
        fashionImages = try FashionImages(packed: requestBytes(bytes, count), shownAs: "fashion images")
        return 0
    } catch {
        lastError = Array(error.description.utf8)
        return 1
    }
}

/// A pointer to a buffer's first element that stays valid while the buffer is unchanged.
func address<T>(_ array: [T]) -> UnsafeRawPointer? {
    array.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
}

@_expose(wasm, "lessons_error") @_cdecl("lessons_error")
public func lessonsError() -> UnsafeRawPointer? { address(lastError) }
@_expose(wasm, "lessons_error_length") @_cdecl("lessons_error_length")
public func lessonsErrorLength() -> Int32 { Int32(lastError.count) }

@_expose(wasm, "lessons_output") @_cdecl("lessons_output")
public func lessonsOutput() -> UnsafeRawPointer? { address(lastOutput) }
@_expose(wasm, "lessons_output_length") @_cdecl("lessons_output_length")
public func lessonsOutputLength() -> Int32 { Int32(lastOutput.count) }

@_expose(wasm, "lessons_shapes_images") @_cdecl("lessons_shapes_images")
public func lessonsShapesImages() -> UnsafeRawPointer? { address(lastImages) }
@_expose(wasm, "lessons_shapes_image_count") @_cdecl("lessons_shapes_image_count")
public func lessonsShapesImageCount() -> Int32 { Int32(lastImages.count) }
@_expose(wasm, "lessons_shapes_labels") @_cdecl("lessons_shapes_labels")
public func lessonsShapesLabels() -> UnsafeRawPointer? { address(lastLabels) }
@_expose(wasm, "lessons_shapes_label_count") @_cdecl("lessons_shapes_label_count")
public func lessonsShapesLabelCount() -> Int32 { Int32(lastLabels.count) }
