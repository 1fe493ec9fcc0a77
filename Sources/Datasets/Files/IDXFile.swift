/// Reader for the IDX format of the MNIST family (LeCun et al.): two zero bytes, a
/// type byte, the number of dimensions, one big-endian UInt32 per dimension, then the
/// data, big-endian, row-major.
enum IDXFile {
    static func elementType(code: UInt8) -> ElementType? {
        switch code {
        case 0x08: return .uint8
        case 0x09: return .int8
        case 0x0B: return .int16
        case 0x0C: return .int32
        case 0x0D: return .float32
        case 0x0E: return .float64
        default: return nil
        }
    }

    static func parse(_ bytes: [UInt8], shownAs path: String) throws -> NumericArray {
        let (type, shape, offset) = try layout(bytes, shownAs: path)
        return NumericArray(shape: shape, values: type.decode(bytes, offset: offset, count: shape.reduce(1, *), bigEndian: true),
                            isInteger: type.isInteger)
    }

    /// Checks the header and the length; returns the element type, shape and data offset.
    static func layout(_ bytes: [UInt8], shownAs path: String) throws -> (ElementType, [Int], Int) {
        guard bytes.count >= 4 else {
            throw DatasetError.malformedFile(path: path,
                problem: "truncated: \(bytes.count) bytes, too short for an IDX header")
        }
        guard bytes[0] == 0, bytes[1] == 0 else {
            throw DatasetError.malformedFile(path: path, problem: "wrong magic: an IDX file starts with bytes 00 00, "
                + "this one with \(hex(bytes[0])) \(hex(bytes[1]))")
        }
        guard let type = elementType(code: bytes[2]) else {
            throw DatasetError.malformedFile(path: path, problem: "wrong dtype: unknown IDX type code \(hex(bytes[2])) "
                + "(known: 08 u8, 09 i8, 0B i16, 0C i32, 0D f32, 0E f64)")
        }
        let rank = Int(bytes[3])
        guard rank >= 1 else {
            throw DatasetError.malformedFile(path: path, problem: "wrong magic: the header declares 0 dimensions")
        }
        let headerLength = 4 + 4 * rank
        guard bytes.count >= headerLength else {
            throw DatasetError.malformedFile(path: path,
                problem: "truncated: the header declares \(rank) dimensions but the file ends after \(bytes.count) bytes")
        }
        var shape: [Int] = []
        for d in 0..<rank {
            let o = 4 + 4 * d
            shape.append(Int(bytes[o]) << 24 | Int(bytes[o + 1]) << 16 | Int(bytes[o + 2]) << 8 | Int(bytes[o + 3]))
        }
        let (count, overflow) = shape.reduce((1, false)) { acc, n in
            let (m, o) = acc.0.multipliedReportingOverflow(by: n)
            return (m, acc.1 || o)
        }
        let expected = count.multipliedReportingOverflow(by: type.byteCount)
        let found = bytes.count - headerLength
        guard !overflow, !expected.overflow, expected.partialValue == found else {
            let what = !overflow && !expected.overflow && found < expected.partialValue ? "truncated" : "shape mismatch"
            throw DatasetError.malformedFile(path: path, problem: "\(what): shape \(shape) needs "
                + "\(overflow || expected.overflow ? "more" : String(expected.partialValue)) bytes of data, the file has \(found)")
        }
        return (type, shape, headerLength)
    }
}

func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
}
