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
        var number = BigDigits(significand)
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

/// A whole number of any size, in base-2³² limbs (least significant first): just
/// enough arithmetic for `DecimalDigits`.
struct BigDigits {
    private var limbs: [UInt32]

    init(_ value: UInt64) {
        limbs = [UInt32(truncatingIfNeeded: value), UInt32(truncatingIfNeeded: value >> 32)]
        trim()
    }

    private mutating func trim() {
        while limbs.count > 1 && limbs.last == 0 { limbs.removeLast() }
    }

    mutating func multiply(by factor: UInt32) {
        var carry: UInt64 = 0
        for i in limbs.indices {
            let product = UInt64(limbs[i]) * UInt64(factor) + carry
            limbs[i] = UInt32(truncatingIfNeeded: product)
            carry = product >> 32
        }
        if carry != 0 { limbs.append(UInt32(carry)) }
    }

    mutating func multiply(byPowerOfTwo power: Int) {
        let words = power / 32, bits = power % 32
        if bits > 0 { multiply(by: UInt32(1) << bits) }
        if words > 0 { limbs.insert(contentsOf: repeatElement(0, count: words), at: 0) }
    }

    mutating func multiply(byPowerOfFive power: Int) {
        var left = power
        // 5^13 is the largest power of five below 2^32.
        while left >= 13 { multiply(by: 1_220_703_125); left -= 13 }
        var rest: UInt32 = 1
        for _ in 0..<left { rest *= 5 }
        if rest > 1 { multiply(by: rest) }
    }

    /// Divides in place by `divisor`, returning the remainder.
    private mutating func divide(by divisor: UInt32) -> UInt32 {
        var remainder: UInt64 = 0
        for i in limbs.indices.reversed() {
            let current = remainder << 32 | UInt64(limbs[i])
            limbs[i] = UInt32(current / UInt64(divisor))
            remainder = current % UInt64(divisor)
        }
        trim()
        return UInt32(remainder)
    }

    /// ASCII decimal digits, most significant first.
    func decimal() -> [UInt8] {
        var number = self
        var chunks: [UInt32] = []
        while number.limbs.count > 1 || number.limbs[0] != 0 { chunks.append(number.divide(by: 1_000_000_000)) }
        guard let top = chunks.popLast() else { return [0x30] }
        var out: [UInt8] = []
        var started = false
        var divisor: UInt32 = 100_000_000
        var value = top
        while divisor > 0 {
            let digit = UInt8(value / divisor)
            value %= divisor
            if digit != 0 || started || divisor == 1 { out.append(0x30 + digit); started = true }
            divisor /= 10
        }
        for chunk in chunks.reversed() {
            var divisor: UInt32 = 100_000_000, value = chunk
            while divisor > 0 {
                out.append(0x30 + UInt8(value / divisor))
                value %= divisor
                divisor /= 10
            }
        }
        return out
    }
}
