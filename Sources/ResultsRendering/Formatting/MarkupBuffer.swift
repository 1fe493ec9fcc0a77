/// HTML or SVG under construction, as UTF-8 bytes: what every fragment is written into.
///
/// Written with string interpolation (`out += "<rect x=\"\(c(x))\"/>"`), but each piece
/// is one call to a small out-of-line method, not the standard library's `String`
/// appending, which Embedded Swift copies into every call site: this type is what keeps
/// the renderer small in the WebAssembly module. Text from a lesson still goes through
/// `Markup.escape` first; interpolating a `String` copies its bytes as they are.
struct MarkupBuffer: ExpressibleByStringInterpolation, StringInterpolationProtocol {
    private(set) var bytes: [UInt8] = []

    init() {}
    init(literalCapacity: Int, interpolationCount: Int) {}
    init(stringLiteral literal: StaticString) { appendLiteral(literal) }
    init(stringInterpolation: MarkupBuffer) { self = stringInterpolation }

    var isEmpty: Bool { bytes.isEmpty }

    /// The bytes as a `String` (one copy, at the end of a fragment).
    var text: String { String(decoding: bytes, as: UTF8.self) }

    @inline(never)
    mutating func appendLiteral(_ literal: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    @inline(never)
    mutating func appendInterpolation(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    @inline(never)
    mutating func appendInterpolation(_ other: MarkupBuffer) { bytes.append(contentsOf: other.bytes) }

    /// A whole number in decimal ("Table 3", "line 12").
    @inline(never)
    mutating func appendInterpolation(_ number: Int) {
        if number < 0 { bytes.append(0x2D) }
        let start = bytes.count
        var rest = number.magnitude
        repeat {
            bytes.append(0x30 + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        bytes[start...].reverse()
    }

    static func += (buffer: inout MarkupBuffer, piece: MarkupBuffer) { buffer.appendInterpolation(piece) }
}
