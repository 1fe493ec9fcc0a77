import Foundation
import XCTest

/// Keeps the numerics off the platform's libm: no target that trains, generates data,
/// measures or draws may call an elementary function except through `Math`.
final class PlatformMathCallTests: XCTestCase {
    static let targets = ["NeuralCore", "SIMDKernels", "SIMDKernelsPortable", "SIMDKernelsAVX2", "SIMDKernelsAVX512",
                          "Datasets", "Experiments", "LessonKit"]
    /// A bare call (not `Math.exp(`, not `.log(` on a value) of a libm function.
    static let call = try! NSRegularExpression(pattern: #"(?<![\w.])(exp|exp2|expm1|log|log1p|log2|log10|pow|"#
        + #"sin|cos|tan|tanh|sinh|cosh|asin|acos|atan|atan2|erf|erfc|cbrt|hypot|lgamma|tgamma)\("#)

    /// The offending lines of one source text (comments and string literals ignored).
    static func bareCalls(in text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line in
            var code = line.trimmingCharacters(in: .whitespaces)
            if code.hasPrefix("//") { return nil }
            code = code.replacingOccurrences(of: #""[^"]*""#, with: "\"\"", options: .regularExpression)
            if let comment = code.range(of: "//") { code = String(code[..<comment.lowerBound]) }
            let range = NSRange(code.startIndex..., in: code)
            return call.firstMatch(in: code, range: range) == nil ? nil : String(line)
        }
    }

    func testTheScanFindsBareCallsOnly() {
        XCTAssertEqual(Self.bareCalls(in: "let a = exp(x)\nlet b = Math.exp(x)\n// log(x)\nlet s = \"log(p)\""),
                       ["let a = exp(x)"])
        XCTAssertEqual(Self.bareCalls(in: "y = pow(q, g) + Foundation.sin(t)"), ["y = pow(q, g) + Foundation.sin(t)"])
    }

    func testNumericTargetsCallNoPlatformMath() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")
        var found: [String] = [], files = 0
        for target in Self.targets {
            let folder = sources.appendingPathComponent(target)
            let paths = FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []
            for path in paths.sorted() where path.hasSuffix(".swift") {
                files += 1
                let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
                found += Self.bareCalls(in: text).map { "\(target)/\(path): \($0)" }
            }
        }
        XCTAssertGreaterThan(files, 100)
        XCTAssertEqual(found, [], "use PortableMath's Math.* instead")
    }
}
