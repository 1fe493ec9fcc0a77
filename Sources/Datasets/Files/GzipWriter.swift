import CZlib

/// gzip deflation through zlib at level 9 with no file name and a zero time stamp (as
/// `gzip -9n`), so the same bytes always compress to the same file.
public enum GzipWriter {
    public static func compress(_ bytes: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        // 15 + 16: a gzip wrapper (zlib writes time 0 and no name) with the largest window.
        guard deflateInit2_(&stream, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else { fatalError("zlib could not start") }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))))
        let status: Int32 = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = UInt32(input.count)
                stream.next_out = out.baseAddress
                stream.avail_out = UInt32(out.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        precondition(status == Z_STREAM_END, "deflate into its own bound cannot fall short")
        return Array(output[..<Int(stream.total_out)])
    }
}
