/// The names a lesson bound so far, in every block before the current
/// statement, and the names whose definition failed ("poisoned"): a use of
/// one of those reports nothing more, since its error is already reported.
final class Scope {
    struct Binding {
        var value: Evaluated
        var location: SourceLocation
        var isParameter: Bool
    }

    private var bindings: [String: Binding] = [:]
    private var poisoned: Set<String> = []

    subscript(name: String) -> Binding? { bindings[name] }

    /// Every bound name, in no particular order.
    var names: [String] { Array(bindings.keys) }

    /// Names bound in a parameters block, sorted.
    var parameterNames: [String] { bindings.filter(\.value.isParameter).keys.sorted() }

    func bind(_ name: String, to binding: Binding) {
        bindings[name] = binding
    }

    func poison(_ name: String) {
        poisoned.insert(name)
    }

    func isPoisoned(_ name: String) -> Bool {
        poisoned.contains(name)
    }

    /// Neither bound nor failed: a name the lesson never defined.
    func isUnknown(_ name: String) -> Bool {
        bindings[name] == nil && !poisoned.contains(name)
    }
}
