import NeuralCore
import Datasets
import PortableRun
import SIMDKernels
import WasmSIMD

// The entry points of lessons.wasm: numbers and pointers into linear memory cross the
// boundary. A host allocates with `lessons_alloc`, writes a `PairConfiguration` as
// Float64 values, calls `lessons_train` or `lessons_shapes`, and reads the result
// through the `lessons_result_*` accessors (valid until the next call).

/// The last call's outputs, kept alive for the host to read.
nonisolated(unsafe) private var lastResult: PairResult? = nil
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

private func readConfiguration(_ pointer: UnsafePointer<Double>, _ count: Int32) -> PairConfiguration? {
    do {
        return try PairConfiguration(flat: Array(UnsafeBufferPointer(start: pointer, count: Int(count))))
    } catch {
        lastError = Array(error.description.utf8)
        return nil
    }
}

/// Trains one pair. Status: 0 done, 1 bad configuration (see `lessons_error`),
/// 3 this engine does not fuse multiply-adds (nothing trained).
@_expose(wasm, "lessons_train") @_cdecl("lessons_train")
public func lessonsTrain(_ config: UnsafePointer<Double>, _ count: Int32) -> Int32 {
    lastResult = nil
    guard lessonsFMAIsFused() == 1 else {
        lastError = Array("this engine does not fuse f32x4.relaxed_madd; its numbers would differ from native".utf8)
        return 3
    }
    guard let configuration = readConfiguration(config, count) else { return 1 }
    do {
        lastResult = try PairRun.train(configuration)
        return 0
    } catch {
        lastError = Array(error.description.utf8)
        return 1
    }
}

/// Generates the configuration's Shapes dataset (train split): images [N·H·W] and labels [N·L].
@_expose(wasm, "lessons_shapes") @_cdecl("lessons_shapes")
public func lessonsShapes(_ config: UnsafePointer<Double>, _ count: Int32) -> Int32 {
    guard let configuration = readConfiguration(config, count) else { return 1 }
    do {
        let data = try PairRun.dataset(configuration)
        lastImages = data.train.images.storage
        lastLabels = data.train.labels.storage
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

@_expose(wasm, "lessons_shapes_images") @_cdecl("lessons_shapes_images")
public func lessonsShapesImages() -> UnsafeRawPointer? { address(lastImages) }
@_expose(wasm, "lessons_shapes_image_count") @_cdecl("lessons_shapes_image_count")
public func lessonsShapesImageCount() -> Int32 { Int32(lastImages.count) }
@_expose(wasm, "lessons_shapes_labels") @_cdecl("lessons_shapes_labels")
public func lessonsShapesLabels() -> UnsafeRawPointer? { address(lastLabels) }
@_expose(wasm, "lessons_shapes_label_count") @_cdecl("lessons_shapes_label_count")
public func lessonsShapesLabelCount() -> Int32 { Int32(lastLabels.count) }

@_expose(wasm, "lessons_result_step_losses") @_cdecl("lessons_result_step_losses")
public func lessonsResultStepLosses() -> UnsafeRawPointer? { lastResult.flatMap { address($0.stepLosses) } }
@_expose(wasm, "lessons_result_step_count") @_cdecl("lessons_result_step_count")
public func lessonsResultStepCount() -> Int32 { Int32(lastResult?.stepLosses.count ?? 0) }
@_expose(wasm, "lessons_result_epoch_losses") @_cdecl("lessons_result_epoch_losses")
public func lessonsResultEpochLosses() -> UnsafeRawPointer? { lastResult.flatMap { address($0.epochLosses) } }
@_expose(wasm, "lessons_result_epoch_count") @_cdecl("lessons_result_epoch_count")
public func lessonsResultEpochCount() -> Int32 { Int32(lastResult?.epochLosses.count ?? 0) }
@_expose(wasm, "lessons_result_probabilities") @_cdecl("lessons_result_probabilities")
public func lessonsResultProbabilities() -> UnsafeRawPointer? { lastResult.flatMap { address($0.testProbabilities) } }
@_expose(wasm, "lessons_result_probability_count") @_cdecl("lessons_result_probability_count")
public func lessonsResultProbabilityCount() -> Int32 { Int32(lastResult?.testProbabilities.count ?? 0) }
/// mAP, macro-F1, weights hash (low, high 32 bits as Float64), diverged (0/1), by index.
@_expose(wasm, "lessons_result_scalar") @_cdecl("lessons_result_scalar")
public func lessonsResultScalar(_ index: Int32) -> Double {
    guard let r = lastResult else { return .nan }
    switch index {
    case 0: return r.meanAveragePrecision
    case 1: return r.macroF1
    case 2: return Double(r.weightsHash & 0xffff_ffff)
    case 3: return Double(r.weightsHash >> 32)
    case 4: return r.diverged ? 1 : 0
    default: return .nan
    }
}
