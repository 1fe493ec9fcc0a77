/// The numbers of a fuzz batch: how many mutants, how each ended, and every
/// one that broke an invariant, with where its bytes were saved.
public struct FuzzReport: Sendable {
    public struct Finding: Sendable, Equatable {
        public var index: Int
        public var binary: Bool
        public var label: String
        public var violation: String
        public var reproducer: String?
    }

    public var seed: UInt64
    public var judged = 0
    public var binaryJudged = 0
    /// By label (`exit 0`, `exit 2`, `signal 11`, `hang`), in process and through the binary.
    public var histogram: [String: Int] = [:]
    public var binaryHistogram: [String: Int] = [:]
    public var findings: [Finding] = []
    public var seconds = 0.0

    public init(seed: UInt64) { self.seed = seed }

    public var crashes: Int { findings.filter { $0.label.hasPrefix("signal") || $0.label.hasPrefix("worker") }.count }
    public var hangs: Int { findings.filter { $0.label == "hang" }.count }

    /// Findings so far by kind.
    private var kindCounts: [String: Int] = [:]

    /// Counts a verdict; true when it is a finding worth saving (one of the first examples of its kind).
    @discardableResult
    mutating func record(index: Int, binary: Bool, label: String, violation: String?) -> Bool {
        judged += 1
        if binary {
            binaryJudged += 1
            binaryHistogram[label, default: 0] += 1
        } else {
            histogram[label, default: 0] += 1
        }
        guard let violation else { return false }
        let finding = Finding(index: index, binary: binary, label: label, violation: violation)
        findings.append(finding)
        kindCounts[Self.kind(of: finding), default: 0] += 1
        return kindCounts[Self.kind(of: finding)]! <= Self.examples
    }

    public func text() -> String {
        func counts(_ histogram: [String: Int]) -> String {
            histogram.keys.sorted().map { "\($0): \(histogram[$0]!)" }.joined(separator: ", ")
        }
        var out = "fuzz seed \(seed): \(judged) mutants in \(Int(seconds.rounded())) s"
            + (seconds > 0 ? " (\(Int((Double(judged) / seconds).rounded())) a second)" : "") + "\n"
        out += "  in process (parse, evaluate, limits, render; \(judged - binaryJudged)): \(counts(histogram))\n"
        out += "  through the binary (lessons run, tiny data; \(binaryJudged)): \(counts(binaryHistogram))\n"
        out += "  crashes: \(crashes), hangs: \(hangs), other violations: \(findings.count - crashes - hangs)\n"
        // Findings by kind (paths left out), each with its count and first examples.
        let kinds = Dictionary(grouping: findings.sorted { $0.index < $1.index }) { Self.kind(of: $0) }
        for kind in kinds.keys.sorted() {
            let list = kinds[kind]!
            out += "  \(list.count) × \(kind)\n"
            for finding in list.prefix(Self.examples) {
                out += "    mutant \(finding.index)\(finding.binary ? " (binary)" : "")"
                    + (finding.reproducer.map { ", saved as \($0)" } ?? "") + "\n"
            }
        }
        return out
    }

    /// Examples listed (and saved) per kind of finding.
    static let examples = 5

    /// A finding without what differs between mutants (scratch paths, file names).
    static func kind(of finding: Finding) -> String {
        let words = finding.violation.split(separator: " ", omittingEmptySubsequences: false).map { word in
            word.contains("/") ? (word.hasSuffix(":") ? "FILE:" : "FILE") : String(word)
        }
        return "\(finding.label): " + words.joined(separator: " ")
    }

}
