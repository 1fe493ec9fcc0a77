import PortableJSON

/// Two `RunResult`s, as JSON, compared number for number to the bit (timings aside):
/// the first place they differ, as a readable path such as
/// `metrics.perLabel[1].averagePrecision`.
public struct ResultDifference: Equatable, Sendable, CustomStringConvertible {
    public var field: String
    public var expected: String
    public var got: String

    public var description: String { "\(field): expected \(expected), got \(got)" }

    /// The first difference between `expected` and `got` (objects in sorted key order), nil when they agree.
    public static func first(expected: JSONValue, got: JSONValue, path: String = "") -> ResultDifference? {
        func show(_ v: JSONValue?) -> String {
            guard let v else { return "nothing" }
            if case .number(let x) = v { return x.description }
            let text = v.text
            return text.count > 80 ? String(text.prefix(77)) + "…" : text
        }
        switch (expected, got) {
        case let (.object(a), .object(b)):
            for key in Set(a.keys).union(b.keys).sorted() where key != "timings" || !path.isEmpty {
                let here = path.isEmpty ? key : path + "." + key
                guard let x = a[key], let y = b[key] else { return ResultDifference(field: here, expected: show(a[key]), got: show(b[key])) }
                if let d = first(expected: x, got: y, path: here) { return d }
            }
            return nil
        case let (.array(a), .array(b)):
            for (i, (x, y)) in zip(a, b).enumerated() {
                if let d = first(expected: x, got: y, path: "\(path)[\(i)]") { return d }
            }
            return a.count == b.count ? nil
                : ResultDifference(field: path + ".count", expected: String(a.count), got: String(b.count))
        case let (.number(x), .number(y)):
            return x.bitPattern == y.bitPattern ? nil : ResultDifference(field: path, expected: show(expected), got: show(got))
        default:
            return expected == got ? nil : ResultDifference(field: path, expected: show(expected), got: show(got))
        }
    }
}
