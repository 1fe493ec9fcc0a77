import XCTest
import PortableText

final class ASCIILowercasedTests: XCTestCase {
    /// Every Unicode scalar: where `lowercased()` gives an ASCII letter, the fold gives
    /// the same text; everywhere else it keeps the scalar as it was.
    func testMatchesLowercasedWhereverThatHasAnASCIILetter() {
        var folded = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(Character(scalar))
            let lower = text.lowercased()
            if lower.unicodeScalars.contains(where: { $0.isASCII && $0.properties.isAlphabetic }) && lower != text {
                XCTAssertEqual(text.asciiLowercased, lower, "U+\(String(value, radix: 16))")
                folded += 1
            } else {
                XCTAssertEqual(Array(text.asciiLowercased.unicodeScalars), [scalar], "U+\(String(value, radix: 16))")
            }
        }
        XCTAssertEqual(folded, 28)  // A–Z, the Kelvin sign, İ
    }

    func testWholeWords() {
        XCTAssertEqual("POSWEIGHTSCALE".asciiLowercased, "posweightscale")
        XCTAssertEqual("T-Shirt/Top".asciiLowercased, "t-shirt/top")
        XCTAssertEqual("ÄÖÜ".asciiLowercased, "ÄÖÜ")
        XCTAssertEqual("\u{212A}ELVIN"[...].asciiLowercased, "kelvin")
        XCTAssertEqual("".asciiLowercased, "")
    }
}
