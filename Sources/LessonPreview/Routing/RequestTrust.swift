/// Whom the preview answers: requests addressed to itself, and form posts from
/// its own pages.
///
/// - `Host` must be exactly `127.0.0.1:PORT` or `localhost:PORT` with the port
///   the server listens on (anything else may be DNS rebinding), sent once.
/// - A POST must carry the form token, a random value the preview puts in the
///   panel of the pages it serves. Only a page that could read a preview page —
///   the preview's own — knows it, whatever `Origin` or `Referer` a browser sends
///   or leaves out (a `Referrer-Policy: no-referrer` page sends neither). On top
///   of that, an `Origin` or `Referer` that is sent must be the preview's own.
struct RequestTrust: Sendable {
    /// The port the server listens on.
    var port: Int
    /// The panel's hidden token (hex); compared in constant time.
    var formToken: String

    static let tokenField = "lessons.token"

    /// Headers that may appear once only: a second one gets 400.
    static let singleHeaders = ["host", "origin", "referer", "content-type", "content-length"]

    /// `127.0.0.1:PORT` or `localhost:PORT` (case-insensitive name), the port as digits without a leading zero.
    func isOwnHost(_ value: String) -> Bool {
        let parts = value.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        return parts.count == 2 && ["127.0.0.1", "localhost"].contains(parts[0].lowercased()) && parts[1] == String(port)
    }

    /// `http://` + an own host, then nothing (an `Origin`) or a path (a `Referer`).
    func isOwnOrigin(_ value: String, allowingPath: Bool) -> Bool {
        guard value.hasPrefix("http://") else { return false }
        let rest = value.dropFirst("http://".count)
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard isOwnHost(String(host)) else { return false }
        return allowingPath ? (host.endIndex == rest.endIndex || rest[host.endIndex] == "/") : host.endIndex == rest.endIndex
    }

    /// Why a request is refused before routing, or nil.
    func refusal(of request: PreviewRequest) -> PreviewResponse? {
        if let repeated = Self.singleHeaders.first(where: { request.repeatedHeaders.contains($0) }) {
            return .text(400, "More than one \(repeated) header.")
        }
        guard let host = request.headers["host"], isOwnHost(host) else {
            return .text(403, "The preview answers requests for 127.0.0.1:\(port) or localhost:\(port) only.")
        }
        guard request.method == "POST" else { return nil }
        if let origin = request.headers["origin"], !isOwnOrigin(origin, allowingPath: false) {
            return .text(403, "Forms of other sites cannot rerun lessons.")
        }
        if request.headers["origin"] == nil, let referer = request.headers["referer"], !isOwnOrigin(referer, allowingPath: true) {
            return .text(403, "Forms of other sites cannot rerun lessons.")
        }
        return nil
    }

    /// Whether a posted form carries this preview's token.
    func holdsToken(_ fields: [(name: String, value: String)]) -> Bool {
        let sent = fields.filter { $0.name == Self.tokenField }
        guard sent.count == 1 else { return false }
        let a = Array(sent[0].value.utf8), b = Array(formToken.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// 128 random bits as hex, new for every preview.
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let value = generator.next() as UInt64
            let hex = String(value, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
