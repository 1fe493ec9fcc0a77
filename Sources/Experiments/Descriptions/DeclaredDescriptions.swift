import PortableJSON

/// The evaluator's descriptions of declared types, derived from their declarations:
/// a declared type is described, checked, built, spelled and read from JSON by one
/// list of members.
extension APIArgument {
    public init(_ facts: ArgumentFacts) {
        #if hasFeature(Embedded)
        self.init(facts.label, name: facts.name, facts.kind, limits: facts.limits, doc: "")
        #else
        self.init(facts.label, name: facts.name, facts.kind, default: facts.defaultSource(), limits: facts.limits, doc: facts.doc)
        #endif
    }
}

extension APITypeDescription {
    /// The description of the declared type `type`: its members, each built by its one builder.
    public init<T: DeclaredType>(declared type: T.Type, doc: String) {
        self.init(declared: T.self, doc: doc, conformsTo: [], box: { APIBox($0) })
    }

    /// A model type (`MLP`, `CNN`, ...): its values may be passed as a `ModelSpecification`.
    public init<T: DeclaredType & ModelSpecification>(model type: T.Type, doc: String) {
        self.init(declared: T.self, doc: doc, conformsTo: ["ModelSpecification"], box: { APIBox($0, model: $0.model) })
    }

    /// A dataset type (`Shapes`, ...): its values may be passed as a `DatasetSpecification`.
    public init<T: DeclaredType & DatasetSpecification>(dataset type: T.Type, doc: String) {
        self.init(declared: T.self, doc: doc, conformsTo: ["DatasetSpecification"], box: { APIBox($0, dataset: $0.source) })
    }

    private init<T: DeclaredType>(declared type: T.Type, doc: String, conformsTo: [String], box: @escaping @Sendable (T) -> APIObject) {
        self.init(T.typeName, doc: doc, conformsTo: conformsTo,
                  literals: T.literals.map { APILiteral($0, box: box) }, members: T.members.map { member in
            // A checked call holds every described argument with its type, so no read can fail.
            APIMember(member.name, member.arguments?.map(APIArgument.init), doc: member.docText,
                      check: { arguments in evaluated(member.check, arguments, T.self, member.name) },
                      build: { arguments in box(evaluated(member.make, arguments, T.self, member.name)) })
        })
    }
}

extension APILiteral {
    init<T: Sendable>(_ literal: DeclaredLiteral<T>, box: @escaping @Sendable (T) -> APIObject) {
        // A checked literal has the described kind, so it always reads.
        self.init(literal.kind, limits: literal.limits, doc: literal.docText) { value in
            guard let made = literal.make(value) else { preconditionFailure("literal \(value) is not a \(literal.kind)") }
            return box(made)
        }
    }
}

/// `read` applied to a checked call's arguments.
private func evaluated<T, Result>(_ read: (ArgumentSource) throws(JSONError) -> Result, _ arguments: APIArguments,
                                  _ type: T.Type, _ member: String) -> Result {
    do throws(JSONError) { return try read(ArgumentSource(storage: .evaluated(arguments))) } catch {
        preconditionFailure("\(type).\(member): \(error)")
    }
}

extension DeclaredMember {
    /// Its doc, natively (lessons.wasm keeps none).
    var docText: String {
        #if hasFeature(Embedded)
        ""
        #else
        doc
        #endif
    }
}

extension DeclaredLiteral {
    var docText: String {
        #if hasFeature(Embedded)
        ""
        #else
        doc
        #endif
    }
}
