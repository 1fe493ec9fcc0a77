import NeuralCore

/// Turns the course lessons into mutants, deterministically: mutant `i` of seed
/// `s` is always the same bytes. Each mutant applies one to four edits to one
/// lesson: a flipped bit, deleted or duplicated tokens, a splice from another
/// lesson, or a token of another lesson inserted. Tokens are cut from bytes (a
/// word, a run of spaces, or one other byte), so edits keep lessons
/// recognisable while still reaching invalid UTF-8 and broken fences.
public struct LessonMutator: Sendable {
    public struct Seed: Sendable {
        public var fileName: String
        public var bytes: [UInt8]
        public init(fileName: String, bytes: [UInt8]) {
            self.fileName = fileName
            self.bytes = bytes
        }
    }

    public struct Mutant: Sendable, Equatable {
        public var index: Int
        /// The lesson it started from (its name is kept, so lesson ids stay valid).
        public var fileName: String
        public var bytes: [UInt8]
        /// The edits, in order (`flip 1234^0x04`, `delete 3 tokens at 100`, ...), for reports.
        public var edits: [String]
    }

    public let seeds: [Seed]
    public let seed: UInt64
    private let tokens: [[Range<Int>]]

    public init(seeds: [Seed], seed: UInt64) {
        precondition(!seeds.isEmpty, "the mutator needs at least one lesson")
        self.seeds = seeds
        self.seed = seed
        tokens = seeds.map { Self.tokenize($0.bytes) }
    }

    public func mutant(_ index: Int) -> Mutant {
        var rng = SeededRNG(seed: seed).derived(UInt64(index))
        let base = rng.nextInt(below: seeds.count)
        var bytes = seeds[base].bytes
        var edits: [String] = []
        for _ in 0..<(1 + rng.nextInt(below: 4)) {
            edits.append(edit(&bytes, rng: &rng))
        }
        return Mutant(index: index, fileName: seeds[base].fileName, bytes: bytes, edits: edits)
    }

    /// One edit of `bytes`; returns what it did.
    private func edit(_ bytes: inout [UInt8], rng: inout SeededRNG) -> String {
        let spans = Self.tokenize(bytes)
        guard !spans.isEmpty else {
            bytes = Array(seeds[rng.nextInt(below: seeds.count)].bytes.prefix(64))
            return "refill"
        }
        switch rng.nextInt(below: 6) {
        case 0:
            let at = rng.nextInt(below: bytes.count), bit = UInt8(1) << UInt8(rng.nextInt(below: 8))
            bytes[at] ^= bit
            return "flip \(at)^\(bit)"
        case 1, 2:
            let first = rng.nextInt(below: spans.count), count = 1 + rng.nextInt(below: min(8, spans.count - first))
            bytes.removeSubrange(spans[first].lowerBound..<spans[first + count - 1].upperBound)
            return "delete \(count) tokens at \(spans[first].lowerBound)"
        case 3:
            let first = rng.nextInt(below: spans.count), count = 1 + rng.nextInt(below: min(16, spans.count - first))
            let range = spans[first].lowerBound..<spans[first + count - 1].upperBound
            let copies = 1 + rng.nextInt(below: rng.nextInt(below: 8) == 0 ? 200 : 3)
            let chunk = Array(bytes[range])
            bytes.insert(contentsOf: Array([[UInt8]](repeating: chunk, count: copies).joined()), at: range.upperBound)
            return "duplicate \(count) tokens at \(range.lowerBound) ×\(copies + 1)"
        case 4:
            // A splice: this lesson up to a token, another from one of its tokens on (or a middle part of it inserted).
            let other = rng.nextInt(below: seeds.count), theirs = tokens[other]
            let cut = spans[rng.nextInt(below: spans.count)].lowerBound
            let from = theirs[rng.nextInt(below: theirs.count)].lowerBound
            if rng.nextInt(below: 2) == 0 {
                bytes = Array(bytes[..<cut]) + seeds[other].bytes[from...]
                return "splice at \(cut) with \(seeds[other].fileName) from \(from)"
            }
            let length = min(seeds[other].bytes.count - from, 1 + rng.nextInt(below: 400))
            bytes.insert(contentsOf: seeds[other].bytes[from..<(from + length)], at: cut)
            return "insert \(length) bytes of \(seeds[other].fileName) at \(cut)"
        default:
            let other = rng.nextInt(below: seeds.count), theirs = tokens[other]
            let token = seeds[other].bytes[theirs[rng.nextInt(below: theirs.count)]]
            let at = spans[rng.nextInt(below: spans.count)].lowerBound
            bytes.insert(contentsOf: token, at: at)
            return "insert token at \(at)"
        }
    }

    /// Byte ranges of tokens: a word (letters, digits, `_`, any non-ASCII byte),
    /// a run of spaces or tabs, or any other single byte.
    static func tokenize(_ bytes: [UInt8]) -> [Range<Int>] {
        func isWord(_ b: UInt8) -> Bool {
            b >= 0x80 || b == UInt8(ascii: "_") || (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A)
        }
        func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
        var spans: [Range<Int>] = [], i = 0
        while i < bytes.count {
            var j = i + 1
            if isWord(bytes[i]) {
                while j < bytes.count, isWord(bytes[j]) { j += 1 }
            } else if isBlank(bytes[i]) {
                while j < bytes.count, isBlank(bytes[j]) { j += 1 }
            }
            spans.append(i..<j)
            i = j
        }
        return spans
    }
}
