import XCTest
@testable import ResultsRendering

/// `Markup.slug` lower-cases by hand (lessons.wasm then needs no case tables) and must spell
/// what it spelled through `lowercased()`, non-ASCII text included.
final class SlugTests: XCTestCase {
    /// The slug as spelled through `String.lowercased()`.
    private func unicodeSlug(_ text: String) -> String {
        var out = ""
        var dash = false
        for c in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(c) || ("0"..."9").contains(c) {
                out.unicodeScalars.append(c); dash = false
            } else if !dash && !out.isEmpty {
                out += "-"; dash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "x" : out
    }

    func testSlugSpellsWhatLowercasedSpelled() {
        let samples = ["plain BCE", "pos_weight × 2", "Focal (γ = 2)", "İSTANBUL Index", "\u{212A}elvin 300\u{212A}",
                       "ΣΟΦΙΑ ΣΑΣ", "ẞtraße", "ǅemal", "ﬀ ligature", "Å\u{212B}", "  --A--B--  ", "", "∅", "x1Y2z3",
                       "café É", "e\u{301}E\u{301}", "İ", "aİb", "🙂 smile 🙂", "ÀÉÎÕÜ-àéîõü"]
        for text in samples {
            XCTAssertEqual(Markup.slug(text), unicodeSlug(text), text)
        }
        XCTAssertEqual(Markup.slug("aİb"), "ai-b")
        XCTAssertEqual(Markup.slug("\u{212A}elvin"), "kelvin")
    }

    func testEveryScalarSlugsAsThroughLowercased() {
        var scalars = (0..<0xD800).compactMap(Unicode.Scalar.init)
        scalars += (0xE000..<0x20000).compactMap(Unicode.Scalar.init)
        for scalar in scalars {
            let text = "a\(scalar)b\(scalar)"
            XCTAssertEqual(Markup.slug(text), unicodeSlug(text), "U+\(String(scalar.value, radix: 16))")
        }
    }
}
