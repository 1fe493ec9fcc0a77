/// Reader for NumPy's `.npy` format, versions 1.0, 2.0 and 3.0
/// (numpy.org/doc/stable/reference/generated/numpy.lib.format.html): the magic
/// `\x93NUMPY`, a version, a little-endian header length (2 bytes in 1.0, 4 later),
/// the header dict (ASCII, UTF-8 in 3.0), then the raw array.
enum NumpyFile: ArrayFileFormat {
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

    /// Longest header read: NumPy itself refuses headers over 10,000 bytes by default.
    static let maxHeaderLength = 1 << 16

    /// Checks the magic, the version, the header dict and, for an uncompressed file, its size.
    static func header(of file: DataFile) throws -> ArrayHeader {
        let path = file.shownAs
        let start = try file.read(8)
        guard start.count == 8 else {
            throw DatasetError.malformedFile(path: path, problem: start.isEmpty ? "the file is empty"
                : "truncated: \(start.count) bytes, too short for a .npy header")
        }
        guard Array(start[0..<6]) == magic else {
            throw DatasetError.malformedFile(path: path, problem: "wrong magic: a .npy file starts with \\x93NUMPY")
        }
        let major = start[6]
        let lengthBytes: Int
        switch major {
        case 1: lengthBytes = 2
        case 2, 3: lengthBytes = 4
        default:
            throw DatasetError.malformedFile(path: path, problem: "unsupported .npy format version \(major).\(start[7]); versions 1 to 3 are read")
        }
        let length = try file.read(lengthBytes)
        guard length.count == lengthBytes else {
            throw DatasetError.malformedFile(path: path, problem: "truncated: the file ends inside the header length")
        }
        let headerLength = length.reversed().reduce(0) { $0 << 8 | Int($1) }
        guard headerLength <= maxHeaderLength else {
            throw DatasetError.malformedFile(path: path,
                problem: "the header claims \(headerLength) bytes; a .npy header has at most \(maxHeaderLength)")
        }
        let headerBytes = try file.read(headerLength)
        guard headerBytes.count == headerLength else {
            throw DatasetError.malformedFile(path: path,
                problem: "truncated: the header claims \(headerLength) bytes but the file ends after \(8 + lengthBytes + headerBytes.count)")
        }
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
        let result = try ArrayHeader(type: type, shape: header.shape, bigEndian: order == ">",
                                     dataOffset: 8 + lengthBytes + headerLength, shownAs: path)
        try result.checkSize(of: file)
        return result
    }
}
