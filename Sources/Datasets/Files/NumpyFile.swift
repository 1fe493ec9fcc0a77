/// Reader for NumPy's `.npy` format, versions 1.0, 2.0 and 3.0
/// (numpy.org/doc/stable/reference/generated/numpy.lib.format.html): the magic
/// `\x93NUMPY`, a version, a little-endian header length (2 bytes in 1.0, 4 later),
/// the header dict (ASCII, UTF-8 in 3.0), then the raw array.
enum NumpyFile {
    static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]

    /// dtype codes accepted in `descr` (after the byte-order character).
    static func elementType(_ code: Substring) -> ElementType? {
        switch code {
        case "u1": return .uint8
        case "i1": return .int8
        case "i2": return .int16
        case "i4": return .int32
        case "i8": return .int64
        case "f4": return .float32
        case "f8": return .float64
        case "b1": return .bool
        default: return nil
        }
    }

    static func parse(_ bytes: [UInt8], shownAs path: String) throws -> NumericArray {
        guard bytes.count >= 10 else {
            throw DatasetError.malformedFile(path: path, problem: "truncated: \(bytes.count) bytes, too short for a .npy header")
        }
        guard Array(bytes[0..<6]) == magic else {
            throw DatasetError.malformedFile(path: path, problem: "wrong magic: a .npy file starts with \\x93NUMPY")
        }
        let major = bytes[6]
        let lengthBytes: Int
        switch major {
        case 1: lengthBytes = 2
        case 2, 3: lengthBytes = 4
        default:
            throw DatasetError.malformedFile(path: path, problem: "unsupported .npy format version \(major).\(bytes[7]); versions 1 to 3 are read")
        }
        guard bytes.count >= 8 + lengthBytes else {
            throw DatasetError.malformedFile(path: path, problem: "truncated: the file ends inside the header length")
        }
        var headerLength = 0
        for b in stride(from: lengthBytes - 1, through: 0, by: -1) { headerLength = headerLength << 8 | Int(bytes[8 + b]) }
        let dataOffset = 8 + lengthBytes + headerLength
        guard bytes.count >= dataOffset else {
            throw DatasetError.malformedFile(path: path,
                problem: "truncated: the header claims \(headerLength) bytes but the file ends after \(bytes.count)")
        }
        let headerBytes = bytes[(8 + lengthBytes)..<dataOffset]
        guard let text = major == 3 ? String(validating: headerBytes, as: UTF8.self)
                                    : String(validating: headerBytes, as: Unicode.ASCII.self) else {
            throw DatasetError.malformedFile(path: path, problem: "the header is not \(major == 3 ? "UTF-8" : "ASCII") text")
        }
        let header: NumpyHeader
        do { header = try NumpyHeader.parse(text) } catch let error as NumpyHeader.SyntaxError {
            throw DatasetError.malformedFile(path: path, problem: "unreadable header: \(error.message)")
        }
        let descr = header.descr
        guard let order = descr.first, "<>|=".contains(order), let type = elementType(descr.dropFirst()) else {
            throw DatasetError.malformedFile(path: path,
                problem: "wrong dtype: '\(descr)' is not supported; save images or labels as u1, i8, f4 or f8 (also i1, i2, i4, b1)")
        }
        guard !header.fortranOrder else {
            throw DatasetError.malformedFile(path: path,
                problem: "the array is in Fortran order; save it in C order (numpy.ascontiguousarray)")
        }
        let count = header.shape.reduce(1) { $0.multipliedReportingOverflow(by: $1).partialValue }
        let expected = count * type.byteCount
        let found = bytes.count - dataOffset
        guard found == expected else {
            throw DatasetError.malformedFile(path: path, problem: found < expected
                ? "truncated: shape \(header.shape) of \(descr) needs \(expected) bytes of data, the file has \(found)"
                : "shape mismatch: shape \(header.shape) of \(descr) needs \(expected) bytes of data, the file has \(found)")
        }
        return NumericArray(shape: header.shape,
                            values: type.decode(bytes, offset: dataOffset, count: count, bigEndian: order == ">"),
                            isInteger: type.isInteger)
    }
}
