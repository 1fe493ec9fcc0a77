/// How numbers are spelled wherever results are shown: on the page (`Markup`) and
/// on the console (progress headlines, the summary table). Spelled by hand, not by
/// a locale-aware formatter, so the same value is the same bytes everywhere.
public enum NumberText {
    /// `value` with exactly `digits` decimals ("0.571"); "–" for NaN, "∞" for infinities.
    public static func fixed(_ value: Double, digits: Int = 3) -> String {
        guard value.isFinite else { return value.isNaN ? "–" : (value > 0 ? "∞" : "−∞") }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let negative = value < 0 && scaled > 0
        guard scaled < 9e15 else { return String(value) }
        let integer = UInt64(scaled)
        let unit = UInt64(scale)
        var text = String(integer / unit)
        if digits > 0 {
            let fraction = String(integer % unit)
            text += "." + String(repeating: "0", count: digits - fraction.count) + fraction
        }
        return negative ? "-" + text : text
    }

    /// A claim's number with three decimals (`0.475`, `0.100`), so values line up and
    /// compare at a glance; very small or large values keep four significant digits.
    public static func claim(_ v: Double) -> String {
        guard v.isFinite else { return String(v) }
        if v != 0, abs(v) < 0.001 || abs(v) >= 10_000 { return PrintfFormat.general(v, precision: 4) }
        let s = PrintfFormat.fixed(v, precision: 3)
        return s == "-0.000" ? "0.000" : s
    }
}
