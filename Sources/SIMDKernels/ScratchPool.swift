import Synchronization

/// Reusable 64-byte-aligned scratch for packed panels, so a training loop
/// stops allocating after its first steps: buffers go back to the pool after
/// each product and the next product of the same size takes them again.
@usableFromInline
final class ScratchPool: Sendable {
    @usableFromInline static let shared = ScratchPool()

    /// The free buffers, by address: a buffer in the pool belongs to no product, so
    /// the pool keeps plain numbers (Sendable) rather than pointers.
    private let free = Mutex<[(address: UInt, capacity: Int)]>([])

    @usableFromInline
    func take(floats: Int) -> (pointer: UnsafeMutablePointer<Float>, capacity: Int) {
        let buffer = free.withLock { $0.popLast() }.map {
            (pointer: UnsafeMutablePointer<Float>(bitPattern: $0.address)!, capacity: $0.capacity)
        }
        if let buffer, buffer.capacity >= floats { return buffer }
        if let buffer { buffer.pointer.deallocate() }
        let raw = UnsafeMutableRawPointer.allocate(byteCount: max(floats, 16) * 4, alignment: 64)
        return (raw.bindMemory(to: Float.self, capacity: max(floats, 16)), max(floats, 16))
    }

    @usableFromInline
    func give(_ buffer: (pointer: UnsafeMutablePointer<Float>, capacity: Int)) {
        let entry = (address: UInt(bitPattern: buffer.pointer), capacity: buffer.capacity)
        free.withLock { $0.append(entry) }
    }
}

/// Runs `body` with at least `floats` floats of scratch taken from the pool.
@inlinable
func withScratch<R>(floats: Int, _ body: (UnsafeMutablePointer<Float>) -> R) -> R {
    if floats == 0 {
        return body(UnsafeMutablePointer<Float>(bitPattern: 64)!)
    }
    let buffer = ScratchPool.shared.take(floats: floats)
    defer { ScratchPool.shared.give(buffer) }
    return body(buffer.pointer)
}
