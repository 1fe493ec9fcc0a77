import CZlib

/// gzip decompression through zlib (RFC 1952 members, concatenated members allowed).
enum Gzip {
    static func isCompressed(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    static func decompress(_ input: [UInt8], shownAs: String) throws -> [UInt8] {
        var stream = z_stream()
        // 15 + 16: a gzip wrapper with the largest window.
        guard inflateInit2_(&stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DatasetError.unreadableFile(path: shownAs, reason: "zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        // The trailer's ISIZE (size mod 2³²) is a good first guess of the output size.
        if input.count >= 8 {
            let n = input.count
            let hint = Int(input[n - 4]) | Int(input[n - 3]) << 8 | Int(input[n - 2]) << 16 | Int(input[n - 1]) << 24
            output.reserveCapacity(min(hint, 1 << 30))
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 18)
        try input.withUnsafeBufferPointer { inBuffer in
            stream.next_in = UnsafeMutablePointer(mutating: inBuffer.baseAddress!)
            stream.avail_in = UInt32(inBuffer.count)
            while true {
                let status: Int32 = chunk.withUnsafeMutableBufferPointer { outBuffer in
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = UInt32(outBuffer.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                output.append(contentsOf: chunk[0..<(chunk.count - Int(stream.avail_out))])
                switch status {
                case Z_OK:
                    continue
                case Z_STREAM_END:
                    // Another member may follow (as `cat a.gz b.gz` makes); anything else is junk.
                    let rest = Int(stream.avail_in)
                    if rest == 0 { return }
                    let offset = inBuffer.count - rest
                    guard rest >= 2, inBuffer[offset] == 0x1F, inBuffer[offset + 1] == 0x8B else {
                        throw DatasetError.malformedFile(path: shownAs,
                            problem: "\(rest) unexpected bytes after the end of the gzip data")
                    }
                    _ = inflateReset(&stream)
                case Z_BUF_ERROR where stream.avail_in == 0:
                    throw DatasetError.malformedFile(path: shownAs, problem: "truncated gzip data (the file ends early)")
                default:
                    let message = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                    throw DatasetError.malformedFile(path: shownAs, problem: "corrupt gzip data: \(message)")
                }
            }
        }
        return output
    }
}
