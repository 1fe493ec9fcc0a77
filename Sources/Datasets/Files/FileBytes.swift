import Foundation

/// Reads a data file whole, inflating it when it is gzip-compressed (recognised by
/// its magic bytes, not its name, so `images.idx` and `images.idx.gz` both work).
enum FileBytes {
    /// `path` is the real path to open; `shownAs` is how errors name it.
    static func read(_ path: String, shownAs: String) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DatasetError.fileNotFound(path: shownAs)
        }
        guard !isDirectory.boolValue else {
            throw DatasetError.unreadableFile(path: shownAs, reason: "it is a folder, not a file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DatasetError.unreadableFile(path: shownAs, reason: "permission denied or I/O error")
        }
        let bytes = [UInt8](data)
        return Gzip.isCompressed(bytes) ? try Gzip.decompress(bytes, shownAs: shownAs) : bytes
    }
}
