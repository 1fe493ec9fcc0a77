import Experiments

/// A value with its static type and where it was written. Calls keep their
/// arguments and array literals their elements, so a check can point at the
/// exact argument or element it is about.
struct Evaluated {
    var value: APIValue
    var kind: ValueKind
    var location: SourceLocation
    /// A number literal, arithmetic of literals, or an array/dictionary literal:
    /// it still takes its type from the context, as Swift literals do.
    var isLiteral = false
    /// The `nil` literal.
    var isNil = false
    /// Arguments of the call that made the value, by argument name.
    var children: [String: Evaluated] = [:]
    /// Elements of an array literal.
    var elements: [Evaluated] = []
    /// The name it was read from, when it was a name (`shapes`).
    var name: String?

    /// The value an issue path points at, if it was written out.
    func value(at path: ArraySlice<APIIssue.Step>) -> Evaluated? {
        guard let step = path.first else { return self }
        switch step {
        case .argument(let a): return children[a]?.value(at: path.dropFirst())
        case .index(let i): return i < elements.count ? elements[i].value(at: path.dropFirst()) : nil
        }
    }

    /// The location an issue path points at (falls back to the nearest known).
    func location(at path: ArraySlice<APIIssue.Step>) -> SourceLocation {
        guard let step = path.first else { return location }
        switch step {
        case .argument(let a):
            return children[a]?.location(at: path.dropFirst()) ?? location
        case .index(let i):
            return i < elements.count ? elements[i].location(at: path.dropFirst()) : location
        }
    }
}
