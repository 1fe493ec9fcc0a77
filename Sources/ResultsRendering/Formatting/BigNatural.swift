/// A whole number of any size, in base-2³² limbs (least significant first): just
/// enough arithmetic for `DecimalDigits`, a Double's exact decimal expansion.
struct BigNatural {
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
