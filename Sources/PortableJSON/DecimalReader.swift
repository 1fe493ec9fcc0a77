/// A JSON number's text to the nearest Double, halfway cases to even: what a correct
/// `strtod` gives, written in Swift so the module needs no C library's (wasi-libc's
/// `strtod` drags in stdio and WASI imports). Usually one multiplication or division of
/// exact values (Clinger's fast path); otherwise an estimate corrected by exact
/// comparisons with the halfway points around it, in big integers.
enum DecimalReader {
    /// `text` matches JSON's number grammar (the parser checked it).
    static func double(_ text: ArraySlice<UInt8>) -> Double {
        var negative = false
        var digits: [UInt8] = []
        var exponent = 0
        var i = text.startIndex
        if i < text.endIndex, text[i] == 0x2D { negative = true; i += 1 }
        var fraction = false
        while i < text.endIndex, text[i] != 0x65, text[i] != 0x45 {
            if text[i] == 0x2E { fraction = true } else {
                digits.append(text[i] - 0x30)
                if fraction { exponent -= 1 }
            }
            i += 1
        }
        if i < text.endIndex {
            i += 1
            var sign = 1, written = 0
            if text[i] == 0x2D { sign = -1; i += 1 } else if text[i] == 0x2B { i += 1 }
            while i < text.endIndex {
                written = min(written * 10 + Int(text[i] - 0x30), 1_000_000)
                i += 1
            }
            exponent += sign * written
        }
        let magnitude = Self.magnitude(digits, exponent)
        return negative ? -magnitude : magnitude
    }

    /// 10^0 … 10^22, each exact.
    private static let exactPowers: [Double] = {
        var out: [Double] = [1]
        for _ in 1...22 { out.append(out[out.count - 1] * 10) }
        return out
    }()

    private static func magnitude(_ raw: [UInt8], _ rawExponent: Int) -> Double {
        var digits = raw[...]
        var exponent = rawExponent
        while digits.first == 0 { digits.removeFirst() }
        while digits.last == 0 { digits.removeLast(); exponent += 1 }
        guard !digits.isEmpty else { return 0 }
        if digits.count + exponent > 310 { return .infinity }
        if digits.count + exponent < -330 { return 0 }
        // Past 780 digits only whether the rest is zero can matter: keep a 1 for it.
        if digits.count > 780 {
            let sticky = digits.dropFirst(779).contains { $0 != 0 }
            exponent += digits.count - 780
            digits = digits.prefix(779) + [sticky ? 1 : 0]
        }
        var leading: UInt64 = 0
        for d in digits.prefix(19) { leading = leading * 10 + UInt64(d) }
        if digits.count <= 15, abs(exponent) <= 22 {
            let d = Double(leading)
            return exponent >= 0 ? d * exactPowers[exponent] : d / exactPowers[-exponent]
        }
        // In two factors, so that neither under- nor overflows on its way to a subnormal or huge value.
        let scale = exponent + digits.count - min(digits.count, 19)
        var estimate = Double(leading) * power(of: scale / 2) * power(of: scale - scale / 2)
        if estimate.isInfinite { estimate = .greatestFiniteMagnitude }
        var exact = BigNatural(0)
        for d in digits {
            exact.multiply(by: 10)
            exact.add(UInt32(d))
        }
        return corrected(estimate, exact, exponent)
    }

    /// 10^e as a few roundings of exact powers: within a few ulps, only an estimate.
    private static func power(of e: Int) -> Double {
        var result = 1.0, left = abs(e)
        while left > 0 {
            let step = min(left, 22)
            result = e > 0 ? result * exactPowers[step] : result / exactPowers[step]
            left -= step
        }
        return result
    }

    /// Moves `estimate` ulp by ulp until `digits × 10^exponent` lies within its halfway points.
    private static func corrected(_ start: Double, _ digits: BigNatural, _ exponent: Int) -> Double {
        var a = start
        while true {
            let up = compare(digits, exponent, halfwayAbove: a)
            if up > 0 || (up == 0 && isOdd(a)) {
                if a == .greatestFiniteMagnitude { return .infinity }
                a = a.nextUp
                continue
            }
            if a > 0 {
                let below = a.nextDown
                let down = compare(digits, exponent, halfwayAbove: below)
                if down < 0 || (down == 0 && isOdd(a)) {
                    a = below
                    continue
                }
            }
            return a
        }
    }

    private static func isOdd(_ a: Double) -> Bool { a.significandBitPattern & 1 == 1 }

    /// Compares `digits × 10^exponent` with the point halfway between `a` and the next Double up.
    private static func compare(_ digits: BigNatural, _ exponent: Int, halfwayAbove a: Double) -> Int {
        // a = m × 2^k exactly; the halfway point is (2m + 1) × 2^(k − 1).
        var m = a.significandBitPattern
        var k = Int(a.exponentBitPattern)
        if k == 0 { k = 1 } else { m |= 1 << 52 }
        k -= 1075
        var left = digits, right = BigNatural(2 * m + 1)
        // left × 5^exponent × 2^exponent against right × 2^(k − 1).
        if exponent >= 0 { left.multiply(byPowerOfFive: exponent) } else { right.multiply(byPowerOfFive: -exponent) }
        let shift = exponent - (k - 1)
        if shift >= 0 { left.multiply(byPowerOfTwo: shift) } else { right.multiply(byPowerOfTwo: -shift) }
        return BigNatural.compare(left, right)
    }
}
