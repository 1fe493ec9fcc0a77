import PortableJSON

/// The seeds a `Compare` trains every run with: `seeds: 5` is seeds 1…5,
/// `seeds: [3, 7]` lists them, `seeds: .from(seed, count: 5)` counts up from a
/// lesson parameter (so `--set seed=2` shifts the whole list).
///
/// Under seed s the dataset is drawn with seed s (its `seed` argument: the
/// sampling of `Shapes` and `FashionMosaics`, the split of file datasets) and every
/// run initialises, drops out and shuffles with seed s — the runs of one seed see
/// the same data and start alike, so claims can be paired by seed.
public struct Seeds: Hashable, Sendable, ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral {
    /// Most seeds a comparison may train with.
    public static let maximumCount = 32

    public var values: [Int]

    public init(_ values: [Int]) { self.values = values }

    /// Seeds 1…count.
    public init(integerLiteral count: Int) { values = count < 1 ? [] : Array(1...count) }

    public init(arrayLiteral values: Int...) { self.values = values }

    /// `first`, `first + 1`, …, `count` seeds in all.
    public static func from(_ first: Int, count: Int) -> Seeds {
        Seeds(count < 1 ? [] : (0..<count).map { first + $0 })
    }
}

extension DatasetSource {
    /// The same data description drawn with `seed` (see `Seeds`).
    public func withSeed(_ seed: Int) -> DatasetSource {
        switch self {
        case .shapes(var s): s.seed = seed; return .shapes(s)
        case .fashionMosaics(var s): s.seed = seed; return .fashionMosaics(s)
        case .numpy(var s): s.seed = seed; return .numpy(s)
        case .idx(var s): s.seed = seed; return .idx(s)
        }
    }
}

#if !hasFeature(Embedded)
extension Seeds: Codable {}
#endif

extension Seeds: DeclaredType {
    public static let typeName = "Seeds"
    static let first = ArgumentKey<Int>(nil, name: "first", limits: APICatalog.seedLimits, doc: "The first seed.")
    static let count = ArgumentKey<Int>("count", limits: .range(1...Double(Seeds.maximumCount)), doc: "How many seeds.")

    public static let literals = [
        DeclaredLiteral(Int.self, limits: .range(1...Double(Seeds.maximumCount)), doc: "`5`: seeds 1…5.") { Seeds(integerLiteral: $0) },
        DeclaredLiteral([Int].self, limits: Limits(min: 0, max: Double(Int32.max), minCount: 1, maxCount: Seeds.maximumCount),
                        doc: "`[3, 7, 11]`: these seeds.") { Seeds($0) },
    ]

    public static let members = [
        DeclaredMember("from", [first.facts, count.facts],
                       doc: "`first`, `first + 1`, …: with a lesson's `seed` parameter, `--set seed=2` shifts the list.",
                       check: { a throws(JSONError) in issues(Seeds.from(try a(first), count: try a(count)).values) }) { a throws(JSONError) in
            Seeds.from(try a(first), count: try a(count))
        },
    ]

    /// Codable writes the list (`{"values": [3, 7]}`), not a member's arguments.
    public static func read(json: JSONValue?, _ path: String) throws(JSONError) -> Seeds {
        Seeds(try [Int].read(json: present(json, path).optionalField("values", path), path + ".values"))
    }

    static let description = APITypeDescription(
        declared: Seeds.self, doc: "The seeds a `Compare` trains every run with; seed s redraws the dataset and reseeds every run.")

    /// Seeds must be distinct and in range.
    static func issues(_ values: [Int]) -> [APIIssue] {
        var seen: Set<Int> = []
        for (i, s) in values.enumerated() {
            if s < 0 || s > Int(Int32.max) { return [APIIssue([], "seed \(s) is outside 0...\(Int32.max)")] }
            if !seen.insert(s).inserted { return [APIIssue([.index(i)], "seed \(s) is listed twice")] }
        }
        return []
    }
}
