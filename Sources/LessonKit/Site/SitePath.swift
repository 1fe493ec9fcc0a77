/// Checks the relative paths written into a site: nothing may escape the output
/// folder or collide with its hidden control files.
enum SitePath {
    static func validate(_ path: String) throws {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        let ok = !path.isEmpty && components.allSatisfy { component in
            !component.isEmpty && !component.hasPrefix(".") && component.unicodeScalars.allSatisfy {
                ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9")
                    || $0 == "-" || $0 == "_" || $0 == "."
            }
        }
        guard ok else {
            throw LessonsError(message: "refusing to write '\(path)': site file names may use letters, digits, "
                               + "'-', '_', '.' and '/' between folders, and may not start with '.'")
        }
    }

    /// The folders a path sits in, innermost last ("a/b/c.png" → ["a", "a/b"]).
    static func parents(of path: String) -> [String] {
        let components = path.split(separator: "/").dropLast()
        return components.indices.map { components[...$0].joined(separator: "/") }
    }
}
