import CZlib

/// gzip inflation through zlib, a chunk at a time (RFC 1952 members, concatenated
/// members allowed): a reader asks for as many bytes as the header it has read so far
/// declares, so a small file that claims to inflate to gigabytes costs no more memory
/// than the data it really holds.
final class GzipStream {
    private var stream = z_stream()
    private var input: [UInt8] = []
    private var inputOffset = 0
    private var finished = false
    private let shownAs: String
    /// Up to n more compressed bytes; empty at the end of the file.
    private let source: (Int) throws -> [UInt8]

    init(shownAs: String, source: @escaping (Int) throws -> [UInt8]) throws {
        self.shownAs = shownAs
        self.source = source
        // 15 + 16: a gzip wrapper with the largest window.
        guard inflateInit2_(&stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DatasetError.unreadableFile(path: shownAs, reason: "zlib could not start")
        }
    }

    deinit { inflateEnd(&stream) }

    /// Up to `count` inflated bytes; fewer only where the data ends.
    func read(_ count: Int) throws -> [UInt8] {
        guard count > 0 else { return [] }
        var output = [UInt8](repeating: 0, count: count)
        var produced = 0
        while produced < count && !finished {
            if inputOffset == input.count {
                input = try source(1 << 16)
                inputOffset = 0
                guard !input.isEmpty else {
                    throw DatasetError.malformedFile(path: shownAs, problem: "truncated gzip data (the file ends early)")
                }
            }
            let status: Int32 = input.withUnsafeBufferPointer { inBuffer in
                output.withUnsafeMutableBufferPointer { outBuffer in
                    stream.next_in = UnsafeMutablePointer(mutating: inBuffer.baseAddress! + inputOffset)
                    stream.avail_in = UInt32(inBuffer.count - inputOffset)
                    stream.next_out = outBuffer.baseAddress! + produced
                    stream.avail_out = UInt32(min(count - produced, Int(UInt32.max)))
                    let before = Int(stream.avail_out)
                    let status = inflate(&stream, Z_NO_FLUSH)
                    inputOffset = inBuffer.count - Int(stream.avail_in)
                    produced += before - Int(stream.avail_out)
                    return status
                }
            }
            switch status {
            case Z_OK:
                continue
            case Z_STREAM_END:
                try startNextMember()
            default:
                let message = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                throw DatasetError.malformedFile(path: shownAs, problem: "corrupt gzip data: \(message)")
            }
        }
        return produced == count ? output : Array(output[0..<produced])
    }

    /// After a member: the end of the file, another member (as `cat a.gz b.gz` makes), or junk.
    private func startNextMember() throws {
        input = Array(input[inputOffset...])
        inputOffset = 0
        while input.count < 2 {
            let more = try source(1 << 16)
            if more.isEmpty { break }
            input += more
        }
        if input.isEmpty {
            finished = true
            return
        }
        guard input.count >= 2, input[0] == 0x1F, input[1] == 0x8B else {
            throw DatasetError.malformedFile(path: shownAs, problem: "unexpected bytes after the end of the gzip data")
        }
        _ = inflateReset(&stream)
    }
}
