/// `String(format: "%.3f", v)` and `"%.4g"` without Foundation: the same text for
/// every Double, so results spelled natively and in WebAssembly are the same bytes.
/// Rounding is glibc's: the exact binary value, halfway cases to even
/// (`0.0625` with `%.3f` is `0.062`, `0.1` is really 0.1000000000000000055…).
public enum PrintfFormat {
    /// `%.<precision>f`.
    public static func fixed(_ value: Double, precision: Int) -> String {
        if let special = special(value) { return special }
        let decimal = DecimalDigits(value)
        let rounded = decimal.rounded(keeping: decimal.integerDigits + precision)
        return sign(value) + point(rounded, decimals: precision)
    }

    /// `%.<precision>g`: `precision` significant digits (0 counts as 1), in `%f` style
    /// when the decimal exponent X satisfies -4 ≤ X < precision, else `%e` style;
    /// trailing zeros and a bare point removed.
    public static func general(_ value: Double, precision: Int) -> String {
        if let special = special(value) { return special }
        let significant = max(precision, 1)
        guard value != 0 else { return sign(value) + "0" }
        let decimal = DecimalDigits(value)
        var digits = decimal.rounded(keeping: significant)
        var exponent = decimal.integerDigits - 1
        if digits.count > significant {
            digits.removeLast()
            exponent += 1
        }
        if exponent >= -4 && exponent < significant {
            return trimmed(fixed(value, precision: significant - 1 - exponent))
        }
        var text = trimmed(point(digits, decimals: significant - 1))
        text += exponent < 0 ? "e-" : "e+"
        let power = String(exponent.magnitude)
        return sign(value) + text + (power.count < 2 ? "0" : "") + power
    }

    private static func special(_ value: Double) -> String? {
        if value.isNaN { return value.sign == .minus ? "-nan" : "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return nil
    }

    private static func sign(_ value: Double) -> String { value.sign == .minus ? "-" : "" }

    /// The whole number `digits` divided by 10^decimals, spelled with a point.
    private static func point(_ digits: [UInt8], decimals: Int) -> String {
        var padded = digits
        if padded.count <= decimals { padded.insert(contentsOf: repeatElement(0x30, count: decimals + 1 - padded.count), at: 0) }
        guard decimals > 0 else { return String(decoding: padded, as: UTF8.self) }
        padded.insert(0x2E, at: padded.count - decimals)
        return String(decoding: padded, as: UTF8.self)
    }

    /// `%g` drops trailing zeros after the point, and the point when nothing follows it.
    private static func trimmed(_ text: String) -> String {
        guard text.utf8.contains(0x2E) else { return text }
        var bytes = Array(text.utf8)
        while bytes.last == 0x30 { bytes.removeLast() }
        if bytes.last == 0x2E { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
