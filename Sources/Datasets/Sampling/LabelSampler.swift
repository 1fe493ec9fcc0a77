import NeuralCore
import PortableSort

/// Draws the multi-hot label sets of a synthetic split.
///
/// Each label gets exactly `round(prevalence × count)` positives, chosen uniformly at
/// random among the images that can still take it, so the imbalance a lesson asks for
/// is the imbalance it gets (binomial noise would blur a 2 % label by ±0.2 pp at 4,000
/// images). Labels are otherwise independent, except for `together` rules: when the key
/// label is present the value label is present too, and the value label's remaining
/// positives are drawn among the other images so its prevalence still matches.
struct LabelSampler: Sendable {
    let labelCount: Int
    let prevalence: [Double]
    /// forcer[value] = key: `value` is present whenever `key` is.
    let forcer: [Int?]
    /// Labels in an order where every forcer comes before the labels it forces.
    let order: [Int]
    /// The most labels one image can carry (a 2×2 mosaic holds four).
    let capacity: Int

    /// Checks `labels`, `prevalence` and `together` and prepares the sampler;
    /// errors name the offending argument.
    init(labels: [String], prevalence: [Double], together: [String: String], capacity: Int) throws(DatasetError) {
        guard !labels.isEmpty else {
            throw DatasetError.invalidArgument(argument: "labels", problem: "at least one label is needed")
        }
        guard Set(labels).count == labels.count else {
            throw DatasetError.invalidArgument(argument: "labels", problem: "labels must be distinct, got \(labels)")
        }
        guard prevalence.count == labels.count else {
            throw DatasetError.invalidArgument(argument: "prevalence",
                problem: "\(prevalence.count) values for \(labels.count) labels; give one per label")
        }
        for (i, p) in prevalence.enumerated() where !(p >= 0 && p <= 1) {
            throw DatasetError.invalidArgument(argument: "prevalence",
                problem: "\(p) for '\(labels[i])' is not a probability between 0 and 1")
        }
        var forcer = [Int?](repeating: nil, count: labels.count)
        for key in together.keys.stablySorted() {
            let value = together[key]!
            guard let k = labels.firstIndex(of: key) else {
                throw DatasetError.invalidArgument(argument: "together", problem: "'\(key)' is not one of the labels \(labels)")
            }
            guard let v = labels.firstIndex(of: value) else {
                throw DatasetError.invalidArgument(argument: "together", problem: "'\(value)' is not one of the labels \(labels)")
            }
            guard k != v else {
                throw DatasetError.invalidArgument(argument: "together", problem: "'\(key)' cannot require itself")
            }
            if let other = forcer[v] {
                throw DatasetError.invalidArgument(argument: "together",
                    problem: "'\(value)' is required by both '\(labels[other])' and '\(key)'; one rule per label")
            }
            guard prevalence[v] >= prevalence[k] else {
                throw DatasetError.invalidArgument(argument: "together",
                    problem: "'\(key)' → '\(value)' needs prevalence of '\(value)' (\(prevalence[v])) "
                        + "≥ prevalence of '\(key)' (\(prevalence[k])), since every '\(key)' image also shows '\(value)'")
            }
            forcer[v] = k
        }
        var order: [Int] = []
        var placed = [Bool](repeating: false, count: labels.count)
        while order.count < labels.count {
            let before = order.count
            for l in 0..<labels.count where !placed[l] {
                if let f = forcer[l], !placed[f] { continue }
                placed[l] = true
                order.append(l)
            }
            if order.count == before {
                throw DatasetError.invalidArgument(argument: "together", problem: "the rules form a cycle")
            }
        }
        self.labelCount = labels.count
        self.prevalence = prevalence
        self.forcer = forcer
        self.order = order
        self.capacity = capacity
    }

    /// Number of positives label `l` gets in a split of `count` images.
    func positives(of l: Int, count: Int) -> Int {
        Int((prevalence[l] * Double(count)).rounded())
    }

    /// Multi-hot rows, `count × labelCount`, row-major.
    func sample(count: Int, rng: inout SeededRNG) -> [Bool] {
        var hot = [Bool](repeating: false, count: count * labelCount)
        var perImage = [Int](repeating: 0, count: count)
        for l in order {
            var wanted = positives(of: l, count: count)
            if let k = forcer[l] {
                for i in 0..<count where hot[i * labelCount + k] {
                    hot[i * labelCount + l] = true
                    perImage[i] += 1
                    wanted -= 1
                }
            }
            guard wanted > 0 else { continue }
            var eligible = (0..<count).filter { !hot[$0 * labelCount + l] && perImage[$0] < capacity }
            // Partial Fisher–Yates: the first `wanted` entries become a uniform sample.
            let take = min(wanted, eligible.count)
            for j in 0..<take {
                let r = j + rng.nextInt(below: eligible.count - j)
                eligible.swapAt(j, r)
                let i = eligible[j]
                hot[i * labelCount + l] = true
                perImage[i] += 1
            }
        }
        return hot
    }
}
