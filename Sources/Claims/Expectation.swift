import Experiments
import ResultsRendering

/// A claim of a `swift expect` block, type-checked by the evaluator and
/// checked against the runs' reports once they exist.
public struct Expectation: Sendable {
    public enum Check: Sendable, Equatable {
        /// `expect(condition)`.
        case condition(Condition)
        /// `expect(value, approximately: target, tolerance: t)`: |value − target| ≤ t.
        case approximately(Quantity, target: Quantity, tolerance: Quantity)
    }

    public var blockIndex: Int
    public var location: SourceLocation
    /// The claim as written (the arguments of `expect`).
    public var claim: String
    public var check: Check
    /// `inAtLeast: k`: checked per seed, paired by seed, must hold in ≥ k seeds.
    /// Nil: checked once, on each run's mean over its seeds.
    public var inAtLeast: Int?
    /// True when a comment above it starts "Sanity check": a claim true by
    /// construction, shown as such on the page so no reader takes it for a finding.
    public var sanityCheck = false

    /// Run names the claim reads, for "run 'x' has no results".
    public var runNames: [String] {
        switch check {
        case .condition(let c): return c.runNames
        case .approximately(let v, let t, let tol): return v.runNames + t.runNames + tol.runNames
        }
    }

    /// Runs whose divergence this claim states (`expect(results["x"].diverged)`, also
    /// inside `&&` and `||`, never under `!`): when it holds, their divergence is expected.
    public var expectedDivergences: [String] {
        guard case .condition(let c) = check else { return [] }
        return c.statedDivergences
    }

    public init(blockIndex: Int, location: SourceLocation, claim: String, check: Check, inAtLeast: Int? = nil,
                sanityCheck: Bool = false) {
        self.blockIndex = blockIndex
        self.location = location
        self.claim = claim
        self.check = check
        self.inAtLeast = inAtLeast
        self.sanityCheck = sanityCheck
    }

    /// Pass or fail, with the values involved (per seed with `inAtLeast`).
    public func evaluate(_ runs: [String: RunSeries]) -> ExpectationOutcome {
        if let missing = runNames.first(where: { runs[$0] == nil }) {
            return ExpectationOutcome(passed: false, actual: "run '\(missing)' has no results", claim: claim)
        }
        guard let required = inAtLeast else { return checked(runs) }
        let read = Set(runNames).compactMap { runs[$0] }
        let seeds = read.first?.seeds ?? []
        guard read.allSatisfy({ $0.seeds == seeds }) else {
            return ExpectationOutcome(passed: false, actual: "the runs it reads were trained with different seeds", claim: claim)
        }
        let perSeed = seeds.indices.map { i -> SeedCheck in
            let (passed, detail) = holds(runs.mapValues { $0.report(seedIndex: min(i, $0.results.count - 1)) })
            return SeedCheck(seed: seeds[i], passed: passed, detail: detail)
        }
        let held = perSeed.filter { $0.passed }
        let failedSeeds = perSeed.filter { !$0.passed }.map { String($0.seed) }
        var summary = "held in \(held.count) of \(perSeed.count) seeds, needs \(required)"
        if !failedSeeds.isEmpty { summary += "; failed in seed\(failedSeeds.count == 1 ? "" : "s") \(failedSeeds.joined(separator: ", "))" }
        return ExpectationOutcome(passed: held.count >= required, actual: summary, claim: claim,
                                  required: required, seeds: perSeed)
    }

    /// The claim on one set of reports, each a single number per metric (a
    /// multi-seed run reads as its means); `inAtLeast` needs the seeds, so it is
    /// checked by `evaluate(_: [String: RunSeries])`. Generic, not `any RunReport`:
    /// Embedded Swift has no existentials of non-class protocols.
    func checked<Report: RunReport>(_ reports: [String: Report]) -> ExpectationOutcome {
        if let missing = runNames.first(where: { reports[$0] == nil }) {
            return ExpectationOutcome(passed: false, actual: "run '\(missing)' has no results", claim: claim)
        }
        let (passed, detail) = holds(reports)
        return ExpectationOutcome(passed: passed, actual: detail, claim: claim)
    }

    /// The check on one set of reports.
    private func holds<Report: RunReport>(_ reports: [String: Report]) -> (Bool, String) {
        switch check {
        case .condition(let c):
            return c.evaluate(reports)
        case .approximately(let v, let t, let tol):
            let value = v.value(reports), target = t.value(reports), tolerance = tol.value(reports)
            let notes = (v.missingEpochs(reports) + t.missingEpochs(reports)).map { "; " + $0 }.joined()
            return (abs(value - target) <= tolerance,
                    "got \(NumberText.claim(value)) vs \(NumberText.claim(target)) ± \(NumberText.claim(tolerance))" + notes)
        }
    }
}

/// The result of checking one expectation.
public struct ExpectationOutcome: Sendable, Equatable {
    public var passed: Bool
    /// The values involved: `got 0.41 vs 0.57`, or for a per-seed claim
    /// `held in 3 of 5 seeds, needs 4; failed in seeds 2, 5`.
    public var actual: String
    public var claim: String
    /// `inAtLeast:` of a per-seed claim.
    public var required: Int?
    /// Each seed's check of a per-seed claim.
    public var seeds: [SeedCheck]?

    public init(passed: Bool, actual: String, claim: String, required: Int? = nil, seeds: [SeedCheck]? = nil) {
        self.passed = passed
        self.actual = actual
        self.claim = claim
        self.required = required
        self.seeds = seeds
    }

    /// `expectation failed: <claim> (got 0.41 vs 0.57)`, or `expectation held: ...`.
    public var message: String {
        (passed ? "expectation held: " : "expectation failed: ") + claim + (actual.isEmpty ? "" : " (\(actual))")
    }
}
