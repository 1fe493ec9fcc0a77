/// What a data file's header declares, read before any data: the element type, the
/// shape, the byte order and where the data starts. The element count is
/// overflow-checked and bounded, so every later size follows from a checked header.
struct ArrayHeader: Equatable {
    /// Largest array a data file may hold: 2²⁸ elements (1 GiB once read as Float).
    static let maxElements = 1 << 28

    var type: ElementType
    var shape: [Int]
    var bigEndian: Bool
    var dataOffset: Int
    var count: Int
    var dataBytes: Int { count * type.byteCount }

    init(type: ElementType, shape: [Int], bigEndian: Bool, dataOffset: Int, shownAs path: String) throws {
        var count = 1
        for n in shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: n)
            guard !overflow, product <= Self.maxElements else {
                throw DatasetError.malformedFile(path: path, problem: "shape \(shape) declares more than "
                    + "\(Self.maxElements) values (2²⁸), more than a lesson can read")
            }
            count = product
        }
        self.type = type
        self.shape = shape
        self.bigEndian = bigEndian
        self.dataOffset = dataOffset
        self.count = count
    }

    /// For an uncompressed file, its size on disk must be the header plus the data.
    func checkSize(of file: DataFile) throws {
        guard !file.isCompressed else { return }
        try checkLength(file.size - dataOffset, of: file)
    }

    /// Reads a compressed file to its end without keeping the data: the only way to
    /// know how much it holds. Stops one byte past the declared size.
    func checkStreamLength(of file: DataFile) throws {
        guard file.isCompressed else { return }
        try checkLength(try file.skip(dataBytes + 1), of: file)
    }

    /// The data after the header, as stored; a stream that ends early or goes on is an error.
    func readBytes(from file: DataFile) throws -> [UInt8] {
        try checkSize(of: file)
        let bytes = try file.read(dataBytes)
        if bytes.count < dataBytes { try checkLength(bytes.count, of: file) }
        if try !file.isAtEnd() { try checkLength(dataBytes + 1, of: file) }
        return bytes
    }

    /// The data after the header, decoded.
    func readValues(from file: DataFile) throws -> NumericArray {
        let bytes = try readBytes(from: file)
        return NumericArray(shape: shape, values: type.decode(bytes, offset: 0, count: count, bigEndian: bigEndian),
                            isInteger: type.isInteger)
    }

    private func checkLength(_ found: Int, of file: DataFile) throws {
        guard found != dataBytes else { return }
        let more = file.isCompressed && found > dataBytes
        throw DatasetError.malformedFile(path: file.shownAs, problem: (found < dataBytes ? "truncated" : "shape mismatch")
            + ": shape \(shape) needs \(dataBytes) bytes of data, the file has \(more ? "more" : String(max(found, 0)))")
    }
}

/// A data format: how to read its header from the front of a file.
protocol ArrayFileFormat {
    static func header(of file: DataFile) throws -> ArrayHeader
}

extension ArrayFileFormat {
    /// The whole array of the file at `path`, read header first.
    static func read(path: String, shownAs: String) throws -> NumericArray {
        let file = try DataFile(path: path, shownAs: shownAs)
        return try header(of: file).readValues(from: file)
    }
}
