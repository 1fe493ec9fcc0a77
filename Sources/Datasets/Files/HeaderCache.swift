import Synchronization
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Checked headers by file identity (device, inode, size, modification time), so a
/// compressed file is streamed through once per process, however many sweep points
/// and preview reruns declare it again.
enum HeaderCache {
    private static let headers = Mutex<[String: ArrayHeader]>([:])

    static func header(path: String, format: String, check: () throws -> ArrayHeader) throws -> ArrayHeader {
        var status = stat()
        guard stat(path, &status) == 0 else { return try check() }
        let key = "\(format) \(status.st_dev) \(status.st_ino) \(status.st_size) "
            + "\(modificationTime(status)) \(path)"
        if let known = headers.withLock({ $0[key] }) { return known }
        let header = try check()
        headers.withLock { $0[key] = header }
        return header
    }
}

private func modificationTime(_ status: stat) -> String {
    #if canImport(Glibc)
    return "\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
    #else
    return "\(status.st_mtimespec.tv_sec).\(status.st_mtimespec.tv_nsec)"
    #endif
}

extension ArrayFileFormat {
    /// The header of the file at `path`, checked against the file's length (a
    /// compressed file is inflated into nothing to learn it).
    static func checkedHeader(path: String, shownAs: String) throws -> ArrayHeader {
        try HeaderCache.header(path: path, format: "\(Self.self)") {
            let file = try DataFile(path: path, shownAs: shownAs)
            let header = try header(of: file)
            try header.checkStreamLength(of: file)
            return header
        }
    }
}
