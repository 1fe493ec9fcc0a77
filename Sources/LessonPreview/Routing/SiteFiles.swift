import Foundation

/// The files of the site folder, and only those: a request path is decoded
/// once, every segment checked (no `..`, `.`, hidden names, empty segments,
/// backslashes or NUL), and the file's real path (symlinks resolved) must lie
/// inside the folder's real path.
struct SiteFiles: Sendable {
    enum Lookup: Equatable {
        case file(URL)
        /// A path the preview never serves (traversal, hidden files, odd bytes): 403.
        case refused
        case missing
    }

    /// The folder's real path.
    let root: URL

    init(folder: String) {
        root = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath()
    }

    /// The site-relative name a request path stands for (`/` is `index.html`), or nil when refused.
    static func relativeName(ofRequestPath rawPath: String) -> String? {
        guard rawPath.hasPrefix("/"), rawPath.utf8.count <= 1024,
              let decoded = rawPath.removingPercentEncoding else { return nil }
        if decoded == "/" { return "index.html" }
        let segments = decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        for segment in segments {
            guard !segment.isEmpty, !segment.hasPrefix("."),
                  !segment.unicodeScalars.contains(where: { $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F })
            else { return nil }
        }
        return segments.joined(separator: "/")
    }

    func lookup(requestPath rawPath: String) -> Lookup {
        guard let name = Self.relativeName(ofRequestPath: rawPath) else { return .refused }
        let candidate = root.appendingPathComponent(name).resolvingSymlinksInPath()
        guard candidate.path.hasPrefix(root.path + "/") else { return .refused }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue
        else { return .missing }
        return .file(candidate)
    }

    /// Files the site holds, by extension; anything else is served as bytes.
    static func contentType(of url: URL) -> String {
        switch url.pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "json": return "application/json"
        case "png": return "image/png"
        case "svg": return "image/svg+xml"
        case "txt", "md": return "text/plain; charset=utf-8"
        default: return "application/octet-stream"
        }
    }
}
