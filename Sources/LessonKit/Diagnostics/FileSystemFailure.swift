import Foundation

/// What a Foundation file error means, in plain words: never the raw
/// `Error Domain=NSCocoaErrorDomain Code=…` text. Messages name the path and
/// what failed (`cannot write 'site/x.html': permission denied`).
public enum FileSystemFailure {
    /// `cannot <action> '<path>': <reason>`; the path is the error's own when it names one.
    public static func message(_ action: String, _ path: String, _ error: Error) -> String {
        if let lessons = error as? LessonsError { return lessons.diagnostics.map(\.message).joined(separator: "; ") }
        let named = filePath(of: error) ?? path
        return "cannot \(action)" + (named.isEmpty ? "" : " '\(named)'") + ": \(reason(error))"
    }

    /// An error as text: its own words, unless it is a Foundation file error (then its path and reason).
    public static func describe(_ error: Error) -> String {
        isFoundation(error) ? (filePath(of: error).map { "'\($0)': " } ?? "") + reason(error) : "\(error)"
    }

    /// Whether `error` is a Foundation (Cocoa or POSIX) error, whose own text is not for people.
    public static func isFoundation(_ error: Error) -> Bool {
        guard !(error is LessonsError) else { return false }
        let domain = (error as NSError).domain
        return domain == NSCocoaErrorDomain || domain == NSPOSIXErrorDomain
    }

    /// A located-free `LessonsError` (exit 2) for a failed file operation; a `LessonsError` passes through.
    public static func error(_ action: String, _ path: String, _ error: Error) -> LessonsError {
        if let lessons = error as? LessonsError { return lessons }
        return LessonsError(message: message(action, path, error))
    }

    /// Runs `body`, turning a Foundation error into `error(action, path, _)`.
    public static func guarding<T>(_ action: String, _ path: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw Self.error(action, path, error) }
    }

    /// The reason in words: the system's (from errno) when there is one, else the Cocoa code's.
    public static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return lowered(String(cString: strerror(Int32(underlying.code))))
        }
        if ns.domain == NSPOSIXErrorDomain { return lowered(String(cString: strerror(Int32(ns.code)))) }
        if ns.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: ns.code) {
            case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or directory"
            case .fileReadNoPermission, .fileWriteNoPermission: return "permission denied"
            case .fileWriteOutOfSpace: return "no space left on the device"
            case .fileWriteFileExists: return "it already exists"
            case .fileWriteVolumeReadOnly: return "the file system is read-only"
            case .fileReadCorruptFile, .fileReadInapplicableStringEncoding: return "the file is not readable text"
            case .fileReadTooLarge: return "the file is too large"
            default: return ns.code >= 512 && ns.code < 640 ? "the write failed" : "the read failed"
            }
        }
        if error is DecodingError || error is EncodingError { return "the data is malformed" }
        return "it failed"
    }

    private static func filePath(of error: Error) -> String? {
        let info = (error as NSError).userInfo
        if let path = info[NSFilePathErrorKey] as? String { return path }
        return (info[NSURLErrorKey] as? URL)?.path
    }

    /// `No such file or directory` → `no such file or directory` (it follows a colon).
    private static func lowered(_ text: String) -> String {
        text.prefix(1).lowercased() + text.dropFirst()
    }
}
