/// An n-dimensional array read from a user's file, before it becomes images or labels.
///
/// Values are kept as Float (exact for 8-bit pixels and for class ids below 2²⁴);
/// `isInteger` remembers whether the file stored integers, which decides how pixels
/// are scaled (integers are 0...255, floats already 0...1).
struct NumericArray: Equatable {
    var shape: [Int]
    var values: [Float]
    var isInteger: Bool
}

/// Element types the loaders understand, with their width in bytes.
enum ElementType: Equatable {
    case uint8, int8, int16, int32, int64, float32, float64, bool

    var byteCount: Int {
        switch self {
        case .uint8, .int8, .bool: return 1
        case .int16: return 2
        case .int32, .float32: return 4
        case .int64, .float64: return 8
        }
    }

    var isInteger: Bool { self != .float32 && self != .float64 }

    /// Decodes `count` elements starting at `offset`; the caller has checked the length.
    func decode(_ bytes: [UInt8], offset: Int, count: Int, bigEndian: Bool) -> [Float] {
        var values = [Float](repeating: 0, count: count)
        guard count > 0 else { return values }
        bytes.withUnsafeBytes { raw in
            let base = raw.baseAddress! + offset
            @inline(__always) func u64(_ i: Int, _ width: Int) -> UInt64 {
                var v: UInt64 = 0
                let p = base + i * width
                if bigEndian {
                    for b in 0..<width { v = v << 8 | UInt64(p.load(fromByteOffset: b, as: UInt8.self)) }
                } else {
                    for b in stride(from: width - 1, through: 0, by: -1) {
                        v = v << 8 | UInt64(p.load(fromByteOffset: b, as: UInt8.self))
                    }
                }
                return v
            }
            switch self {
            case .uint8, .bool:
                for i in 0..<count { values[i] = Float(base.load(fromByteOffset: i, as: UInt8.self)) }
            case .int8:
                for i in 0..<count { values[i] = Float(base.load(fromByteOffset: i, as: Int8.self)) }
            case .int16:
                for i in 0..<count { values[i] = Float(Int16(truncatingIfNeeded: u64(i, 2))) }
            case .int32:
                for i in 0..<count { values[i] = Float(Int32(truncatingIfNeeded: u64(i, 4))) }
            case .int64:
                for i in 0..<count { values[i] = Float(Int64(bitPattern: u64(i, 8))) }
            case .float32:
                for i in 0..<count { values[i] = Float(bitPattern: UInt32(truncatingIfNeeded: u64(i, 4))) }
            case .float64:
                for i in 0..<count { values[i] = Float(Double(bitPattern: u64(i, 8))) }
            }
        }
        return values
    }
}
