import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A bare HTTP/1.1 client over a TCP socket: requests go out byte for byte as
/// written (no normalising of `..` or `%2e`, any Host header), which is what a
/// test of hostile requests needs.
enum RawHTTP {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    enum Failure: Error { case connect(Int32), malformed(String) }

    /// Sends `request` as is and reads until the server closes the connection.
    static func send(port: Int, _ request: [UInt8], timeout: Int = 120) throws -> Response {
        let socket = try Socket(port: port, timeout: timeout)
        defer { socket.close() }
        socket.write(request)
        return try parse(socket.readToEnd())
    }

    static func get(port: Int, _ target: String, host: String? = nil, headers: String = "") throws -> Response {
        try send(port: port, Array("GET \(target) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\n\(headers)Connection: close\r\n\r\n".utf8))
    }

    /// A form post; `token` (the preview's form token) is appended as the panel's hidden field does.
    static func post(port: Int, _ target: String, form: String, token: String? = nil,
                     contentType: String = "application/x-www-form-urlencoded", headers: String = "") throws -> Response {
        let form = token.map { form + "&lessons.token=" + $0 } ?? form
        let head = "POST \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: \(contentType)\r\n"
            + "Content-Length: \(form.utf8.count)\r\n\(headers)Connection: close\r\n\r\n"
        return try send(port: port, Array((head + form).utf8))
    }

    /// The form token in a preview page's panel (`name="lessons.token" value="…"`).
    static func formToken(port: Int, page: String) throws -> String {
        let body = try get(port: port, page).body
        guard let field = body.range(of: "name=\"lessons.token\" value=\"") else { throw Failure.malformed(body) }
        return String(body[field.upperBound...].prefix { $0 != "\"" })
    }

    static func parse(_ data: [UInt8]) throws -> Response {
        let text = String(decoding: data, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw Failure.malformed(text) }
        let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else { throw Failure.malformed(lines[0]) }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: String(text[split.upperBound...]))
    }

    /// An open `text/event-stream`: collects what arrives until a marker shows.
    final class EventStream {
        private let socket: Socket
        private(set) var received = ""

        init(port: Int) throws {
            socket = try Socket(port: port, timeout: 1)
            socket.write(Array("GET /_preview/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n".utf8))
        }

        /// Everything received so far once `marker` is in it; nil if it did not come in time.
        func wait(for marker: String, after offset: String.Index? = nil, timeout: TimeInterval = 120) -> String? {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if received[(offset ?? received.startIndex)...].contains(marker) { return received }
                guard let chunk = socket.readSome() else { return nil }
                received += String(decoding: chunk, as: UTF8.self)
            }
            return nil
        }

        deinit { socket.close() }
    }

    /// A connected TCP socket to 127.0.0.1 with a receive timeout.
    final class Socket {
        let fd: Int32

        init(port: Int, timeout: Int) throws {
            fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else { Glibc.close(fd); throw Failure.connect(errno) }
            var limit = timeval(tv_sec: timeout, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        }

        func write(_ bytes: [UInt8]) {
            var sent = 0
            while sent < bytes.count {
                let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                if n <= 0 { return }
                sent += n
            }
        }

        /// Bytes that arrived (empty on a timeout with nothing new); nil once the peer closed.
        func readSome() -> [UInt8]? {
            var buffer = [UInt8](repeating: 0, count: 65536)
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 { return Array(buffer[..<n]) }
            if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return [] }
            return nil
        }

        func readToEnd() -> [UInt8] {
            var out: [UInt8] = []
            while let chunk = readSome(), !chunk.isEmpty { out += chunk }
            return out
        }

        func close() { Glibc.close(fd) }
    }
}
