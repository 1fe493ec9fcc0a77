extension Suggestions {
    /// "; did you mean 'x'?" or "" — the tail of an "unknown name" message.
    static func didYouMean(_ word: String, in candidates: [String]) -> String {
        closest(to: word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }
}
