/// The two names of the claim language, which are no API types: `expect(...)`
/// states a claim and `results["run"]` reads a run's report. Lessons cannot
/// redeclare them, and outside expect blocks they are errors that say where they belong.
package enum ClaimWords {
    package static let expect = "expect"
    package static let results = "results"

    package static func isReserved(_ name: String) -> Bool {
        name == expect || name == results
    }
}
