import Foundation

/// A request as the router sees it: no HTTP library types, so everything the
/// preview decides (what to serve, what to run) is plain code the tests reach.
struct PreviewRequest: Sendable {
    var method: String
    /// The request target as sent (`/03-x.html?last-good`), not yet decoded.
    var target: String
    /// Header names in lower case.
    var headers: [String: String]
    var body: [UInt8]
    /// The port the request came in on (the one `Host` must name).
    var serverPort: Int
    /// Lower-case names of headers sent more than once.
    var repeatedHeaders: Set<String> = []

    /// The part before `?`, still percent-encoded.
    var rawPath: String { String(target.prefix { $0 != "?" }) }
    /// The part after `?` (empty when there is none).
    var query: String {
        guard let mark = target.firstIndex(of: "?") else { return "" }
        return String(target[target.index(after: mark)...])
    }
}

/// A complete response, or the start of an event stream that stays open.
enum PreviewReply: Sendable {
    case response(PreviewResponse)
    case eventStream
}

struct PreviewResponse: Sendable {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]

    init(status: Int, contentType: String, body: [UInt8], headers: [(String, String)] = []) {
        self.status = status
        self.headers = [("Content-Type", contentType), ("Cache-Control", "no-store")] + headers
        self.body = body
    }

    static func html(_ text: String, status: Int = 200) -> PreviewResponse {
        PreviewResponse(status: status, contentType: "text/html; charset=utf-8", body: Array(text.utf8),
                        headers: [("Content-Security-Policy", contentSecurityPolicy)])
    }

    /// A short plain-text answer for refusals and errors (never echoes the request).
    static func text(_ status: Int, _ message: String) -> PreviewResponse {
        PreviewResponse(status: status, contentType: "text/plain; charset=utf-8", body: Array((message + "\n").utf8))
    }

    /// After a POST: look at the page again (so a reload does not resubmit).
    static func seeOther(_ location: String) -> PreviewResponse {
        PreviewResponse(status: 303, contentType: "text/plain; charset=utf-8", body: Array("See \(location)\n".utf8),
                        headers: [("Location", location)])
    }

    /// Pages load nothing but the preview's own files; only its own script runs.
    static let contentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        + "script-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
}
