/// Reader for the IDX format of the MNIST family (LeCun et al.): two zero bytes, a
/// type byte, the number of dimensions, one big-endian UInt32 per dimension, then the
/// data, big-endian, row-major.
enum IDXFile: ArrayFileFormat {
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

    /// Checks the magic, the type and the dimensions; for an uncompressed file, its size too.
    static func header(of file: DataFile) throws -> ArrayHeader {
        let path = file.shownAs
        let start = try file.read(4)
        guard start.count == 4 else {
            throw DatasetError.malformedFile(path: path, problem: start.isEmpty ? "the file is empty"
                : "truncated: \(start.count) bytes, too short for an IDX header")
        }
        guard start[0] == 0, start[1] == 0 else {
            throw DatasetError.malformedFile(path: path, problem: "wrong magic: an IDX file starts with bytes 00 00, "
                + "this one with \(hex(start[0])) \(hex(start[1]))")
        }
        guard let type = elementType(code: start[2]) else {
            throw DatasetError.malformedFile(path: path, problem: "wrong dtype: unknown IDX type code \(hex(start[2])) "
                + "(known: 08 u8, 09 i8, 0B i16, 0C i32, 0D f32, 0E f64)")
        }
        let rank = Int(start[3])
        guard rank >= 1 else {
            throw DatasetError.malformedFile(path: path, problem: "wrong magic: the header declares 0 dimensions")
        }
        let dims = try file.read(4 * rank)
        guard dims.count == 4 * rank else {
            throw DatasetError.malformedFile(path: path, problem: "truncated: the header declares \(rank) dimensions "
                + "but the file ends after \(4 + dims.count) bytes")
        }
        let shape = (0..<rank).map { d in
            dims[4 * d..<4 * d + 4].reduce(0) { $0 << 8 | Int($1) }
        }
        let header = try ArrayHeader(type: type, shape: shape, bigEndian: true, dataOffset: 4 + 4 * rank, shownAs: path)
        try header.checkSize(of: file)
        return header
    }
}

func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
}
