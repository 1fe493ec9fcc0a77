/// How numbers are spelled wherever results are shown: on the page (`Markup`) and
/// on the console (progress headlines, the summary table). Spelled by hand, not by
/// a locale-aware formatter, so the same value is the same bytes everywhere.
enum NumberText {
    /// `value` with exactly `digits` decimals ("0.571"); "–" for NaN, "∞" for infinities.
    static func fixed(_ value: Double, digits: Int = 3) -> String {
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
}
