#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A data file opened for reading from the front, header first. Only a regular file
/// is opened (a FIFO would block and a device might never end); gzip data (recognised
/// by its magic bytes, not its name, so `images.idx` and `images.idx.gz` both work) is
/// inflated as it is read, so nothing is read beyond what the caller asks for.
final class DataFile {
    let shownAs: String
    /// Bytes on disk (compressed, for gzip).
    let size: Int
    let isCompressed: Bool
    private let descriptor: Int32
    private var gzip: GzipStream?
    /// Bytes read to look for the gzip magic and not handed out yet.
    private var sniffed: [UInt8] = []

    /// `path` is the real path to open; `shownAs` is how errors name it.
    init(path: String, shownAs: String) throws {
        self.shownAs = shownAs
        guard !path.utf8.contains(0) else {
            throw DatasetError.invalidArgument(argument: "path", problem: "'\(shownAs)' holds a NUL character")
        }
        var status = stat()
        guard stat(path, &status) == 0 else { throw DatasetError.fileNotFound(path: shownAs) }
        try Self.requireRegularFile(status.st_mode, shownAs: shownAs)
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else {
            throw DatasetError.unreadableFile(path: shownAs, reason: String(cString: strerror(errno)))
        }
        // The file may have been swapped between stat and open: check what was opened.
        guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw DatasetError.unreadableFile(path: shownAs, reason: "it is not a regular file")
        }
        descriptor = fd
        size = Int(status.st_size)
        sniffed = try Self.rawRead(fd, 2, shownAs: shownAs)
        isCompressed = sniffed == [0x1F, 0x8B]
        if isCompressed {
            let magic = sniffed
            sniffed = []
            var first = true
            gzip = try GzipStream(shownAs: shownAs) { [fd] n in
                defer { first = false }
                return first ? magic + (try Self.rawRead(fd, n, shownAs: shownAs)) : try Self.rawRead(fd, n, shownAs: shownAs)
            }
        }
    }

    deinit { close(descriptor) }

    static func requireRegularFile(_ mode: mode_t, shownAs: String) throws {
        switch mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw DatasetError.unreadableFile(path: shownAs, reason: "it is a folder, not a file")
        case S_IFIFO: throw DatasetError.unreadableFile(path: shownAs, reason: "it is a FIFO (named pipe), not a file")
        default: throw DatasetError.unreadableFile(path: shownAs, reason: "it is a device or socket, not a regular file")
        }
    }

    /// `count` bytes, fewer only where the data ends. Large reads grow as the data
    /// arrives, so a header that lies about the size costs no memory of its own.
    func read(_ count: Int) throws -> [UInt8] {
        var result = Array(sniffed.prefix(count))
        sniffed.removeFirst(result.count)
        let chunk = 1 << 22
        while result.count < count {
            let want = min(chunk, count - result.count)
            let part = try gzip?.read(want) ?? Self.rawRead(descriptor, want, shownAs: shownAs)
            result += part
            if part.count < want { break }
        }
        return result
    }

    /// Reads and drops up to `count` bytes; returns how many there were.
    func skip(_ count: Int) throws -> Int {
        var skipped = 0
        while skipped < count {
            let want = min(1 << 20, count - skipped)
            let got = try read(want).count
            skipped += got
            if got < want { break }
        }
        return skipped
    }

    /// Whether the data has ended (reads at most one more byte).
    func isAtEnd() throws -> Bool { try read(1).isEmpty }

    private static func rawRead(_ fd: Int32, _ count: Int, shownAs: String) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let n = buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress! + filled, count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw DatasetError.unreadableFile(path: shownAs, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            filled += n
        }
        return filled == count ? buffer : Array(buffer[0..<filled])
    }
}

#if canImport(Glibc)
private let systemRead = Glibc.read
#else
private let systemRead = Darwin.read
#endif
