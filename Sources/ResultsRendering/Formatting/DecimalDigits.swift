
/// The exact decimal expansion of a finite Double: `digits × 10^exponent`, with
/// `digits` the decimal digits of a whole number (no leading zeros; "0" for zero).
///
/// Every binary fraction ends in decimal, so no digit is guessed: `m × 2^e` with
/// `e < 0` is `m × 5^-e × 10^e`. Rounding the digits then rounds the binary value
/// itself, as glibc's printf does, with no Foundation and no libc.
struct DecimalDigits {
    /// ASCII digits, most significant first.
    var digits: [UInt8]
    var exponent: Int

    init(_ value: Double) {
        let magnitude = value.magnitude
        guard magnitude != 0 else {
            digits = [0x30]
            exponent = 0
            return
        }
        // magnitude = significand × 2^power, significand a whole number below 2^53.
        var significand = magnitude.significandBitPattern
        var power = Int(magnitude.exponentBitPattern)
        if power == 0 { power = 1 } else { significand |= 1 << 52 }
        power -= 1075
        var number = BigNatural(significand)
        if power >= 0 {
            number.multiply(byPowerOfTwo: power)
            exponent = 0
        } else {
            number.multiply(byPowerOfFive: -power)
            exponent = power
        }
        digits = number.decimal()
    }

    /// The number of digits before the decimal point (may be zero or negative).
    var integerDigits: Int { digits.count + exponent }

    /// The digits rounded to keep the first `count` of them (half to even), as a
    /// whole number's digits: one more digit when rounding carries (999 → 1000).
    /// `count` may be zero or negative: then everything is rounded away, to 0 or 1.
    func rounded(keeping count: Int) -> [UInt8] {
        if count >= digits.count { return digits + Array(repeating: 0x30, count: count - digits.count) }
        // Past the first digit dropped everything is below half a unit: it rounds to 0.
        if count < 0 { return [0x30] }
        var out = Array(digits[..<count])
        let dropped = digits[count]
        let restNonZero = digits[(count + 1)...].contains { $0 != 0x30 }
        let lastOdd = out.last.map { ($0 - 0x30) % 2 == 1 } ?? false
        let up = dropped > 0x35 || (dropped == 0x35 && (restNonZero || lastOdd))
        if out.isEmpty { return [up ? 0x31 : 0x30] }
        guard up else { return out }
        var i = out.count - 1
        while i >= 0 {
            if out[i] == 0x39 { out[i] = 0x30; i -= 1 } else { out[i] += 1; return out }
        }
        return [0x31] + out
    }
}
