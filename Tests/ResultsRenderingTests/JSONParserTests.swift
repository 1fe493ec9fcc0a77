import Foundation
import XCTest
import PortableJSON

/// The portable JSON reader: the same values as Foundation's, numbers to the bit,
/// and located errors (never a crash) for damaged or hostile text.
final class JSONParserTests: XCTestCase {
    func testValuesAndEscapes() throws {
        let value = try JSONParser.parse(#" {"a": [1, -2.5e3, true, false, null], "b": "x\"\\\/\n\u00e9\ud83d\ude00", "c": {}} "#)
        XCTAssertEqual(value["a"], .array([.number(1), .number(-2500), .bool(true), .bool(false), .null]))
        XCTAssertEqual(value["b"]?.string, "x\"\\/\né😀")
        XCTAssertEqual(value["c"], .object([]))
        XCTAssertNil(value["d"])
        XCTAssertEqual(JSONValue.string("NaN").double?.isNaN, true)
        XCTAssertEqual(JSONValue.string("-Infinity").double, -.infinity)
    }

    /// Every Double, spelled as JSONEncoder spells it, reads back as the same bits.
    func testNumbersReadBackExactly() throws {
        var state: UInt64 = 7
        var values: [Double] = [0.1, 1e-320, 2.2250738585072014e-308, 1.7976931348623157e308, 5e-324, 123456789012345680]
        for _ in 0..<2000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let d = Double(bitPattern: state)
            if d.isFinite { values.append(d) }
        }
        let text = String(decoding: try JSONEncoder().encode(values), as: UTF8.self)
        let read = try XCTUnwrap(JSONParser.parse(text).array)
        XCTAssertEqual(read.map { $0.double?.bitPattern }, values.map(\.bitPattern))
    }

    /// Hard decimals (halfway cases, subnormals, the edges of the range, long digit
    /// strings) read as Swift's own correctly rounded `Double(String)` reads them.
    func testDecimalsRoundLikeACorrectStrtod() throws {
        var texts = ["9007199254740993", "9007199254740995", "2.2250738585072011e-308", "2.2250738585072014e-308",
                     "4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "1e-400",
                     "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "1e400", "0.1",
                     "123456789012345678901234567890", "0.30000000000000001665", "-0", "-0.0e5", "7e22", "8e22",
                     "1" + String(repeating: "0", count: 900) + "1e-900", "0." + String(repeating: "0", count: 400) + "1e400"]
        var state: UInt64 = 11
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 11 }
        for _ in 0..<1500 {
            let digits = String(next() % 1_000_000_000_000) + String(next() % 1_000_000_000)
            texts.append("\(digits.prefix(1)).\(digits.dropFirst())e\(Int(next() % 640) - 330)")
        }
        for text in texts {
            let read = try XCTUnwrap(JSONParser.parse(text).double, text)
            let expected = try XCTUnwrap(Double(text), text)
            XCTAssertEqual(read.bitPattern, expected.bitPattern, text)
        }
        XCTAssertEqual(JSONValue.number("0.25"), 0.25)
        XCTAssertNil(JSONValue.number("1_000"))
    }

    func testDamagedTextIsLocated() {
        func error(_ text: String) -> String? {
            do { _ = try JSONParser.parse(text); return nil } catch { return error.description }
        }
        XCTAssertEqual(error("{\"a\": [1,\n 2,]}"), "2:4: unexpected character where a value should be")
        XCTAssertEqual(error("[01]"), "1:2: a number has a leading zero")
        XCTAssertEqual(error("\"abc"), "1:5: a string is not closed")
        XCTAssertEqual(error("[1] x"), "1:5: unexpected text after the document")
        XCTAssertEqual(error("\"\\ud800\""), "1:8: a lone surrogate")
        XCTAssertEqual(error("\"a\u{1}\""), "1:3: a control character inside a string")
        XCTAssertEqual(error(""), "1:1: the document ends where a value should be")
        XCTAssertNotNil(error(String(repeating: "[", count: 100_000)))
        XCTAssertNotNil(error("[1e]"))
        XCTAssertNotNil(error("tru"))
    }

    func testWriterEscapesWhatJSONNeeds() throws {
        let text = JSONWriter.object([(key: "a\"b", value: "<p>\n\u{1}é\\</p>")])
        XCTAssertEqual(text, #"{"a\"b":"<p>\n\u0001é\\</p>"}"#)
        XCTAssertEqual(try JSONParser.parse(text)["a\"b"]?.string, "<p>\n\u{1}é\\</p>")
    }
}
