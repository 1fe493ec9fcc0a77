/// A literal a declared type may be written as (`seeds: 5`, `seeds: [3, 7]`, as Swift's
/// `ExpressibleBy...Literal` conformances allow): read as the typed `Literal`, checked
/// against `limits`, and made into the value by one function.
public struct DeclaredLiteral<Value>: Sendable {
    let kind: ValueKind
    let limits: Limits
    #if !hasFeature(Embedded)
    let doc: String
    #endif
    let make: @Sendable (APIValue) -> Value?

    public init<Literal: ArgumentValue>(_ type: Literal.Type, limits: Limits = Limits(), doc: String,
                                        _ make: @escaping @Sendable (Literal) -> Value) {
        kind = Literal.argumentKind
        self.limits = limits
        #if !hasFeature(Embedded)
        self.doc = doc
        #endif
        self.make = { Literal.read(api: $0).map(make) }
    }
}
