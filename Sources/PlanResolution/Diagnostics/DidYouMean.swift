import PlanCore

extension Suggestions {
    /// "; did you mean 'x'? (members: a, b, c)" — the tail of an "unknown member or
    /// argument" message: the nearest name, then every valid one, so a reader who
    /// guessed far off still sees what there is.
    package static func didYouMean(_ word: String, in candidates: [String], listing kind: String) -> String {
        let list = candidates.isEmpty ? "" : " (\(kind): \(candidates.joined(separator: ", ")))"
        return didYouMean(word, in: candidates) + list
    }

    /// "; did you mean 'x'?" or "" — the tail of an "unknown name" message.
    package static func didYouMean(_ word: String, in candidates: [String]) -> String {
        closest(to: word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }
}
