/// One described API type: what lesson code may construct, and how. The
/// evaluator, its diagnostics and the `lessons reference` page all read these,
/// so adding an argument is one edit in the type's description.
public struct APITypeDescription: Sendable {
    public var name: String
    #if !hasFeature(Embedded)
    /// The reference page's text (lessons.wasm keeps no docs).
    public var doc: String
    #endif
    /// Protocols (described by name) the type's values may be passed as.
    public var conformsTo: [String]
    /// Initialisers (`name == "init"`) and static members / cases.
    public var members: [APIMember]
    /// Literals the type may be written as (`seeds: 5`, `seeds: [1, 2]`), as Swift's
    /// `ExpressibleBy...Literal` conformances allow.
    public var literals: [APILiteral]

    public init(_ name: String, doc: String, conformsTo: [String] = [], literals: [APILiteral] = [], members: [APIMember]) {
        self.name = name
        #if !hasFeature(Embedded)
        self.doc = doc
        #endif
        self.conformsTo = conformsTo
        self.literals = literals
        self.members = members
    }

    /// True for a protocol: it has no members of its own.
    public var isProtocol: Bool { members.isEmpty }
    public var initializers: [APIMember] { members.filter { $0.name == "init" } }
    public var staticMembers: [APIMember] { members.filter { $0.name != "init" } }
}

/// A literal form of an API type: a literal of `kind` (checked against
/// `limits`) becomes the value through `build`.
public struct APILiteral: Sendable {
    public var kind: ValueKind
    public var limits: Limits
    #if !hasFeature(Embedded)
    public var doc: String
    #endif
    public var build: @Sendable (APIValue) -> APIObject

    public init(_ kind: ValueKind, limits: Limits = Limits(), doc: String, build: @escaping @Sendable (APIValue) -> APIObject) {
        self.kind = kind
        self.limits = limits
        #if !hasFeature(Embedded)
        self.doc = doc
        #endif
        self.build = build
    }
}

/// An initialiser, enum case or static member with its arguments.
public struct APIMember: Sendable {
    /// `"init"` for `Type(...)`, otherwise the member name (`binaryCrossEntropy`).
    public var name: String
    /// Nil for a member written without parentheses (`.balanced`, `.sigmoid`).
    public var arguments: [APIArgument]?
    #if !hasFeature(Embedded)
    public var doc: String
    #endif
    /// Makes the value from checked arguments (defaults filled in).
    public var build: @Sendable (APIArguments) -> APIObject
    /// Checks across arguments (lengths that must agree, ...); issues name an argument path.
    public var check: @Sendable (APIArguments) -> [APIIssue]

    public init(_ name: String, _ arguments: [APIArgument]?, doc: String,
                check: @escaping @Sendable (APIArguments) -> [APIIssue] = { _ in [] },
                build: @escaping @Sendable (APIArguments) -> APIObject) {
        self.name = name
        self.arguments = arguments
        #if !hasFeature(Embedded)
        self.doc = doc
        #endif
        self.build = build
        self.check = check
    }

    /// `Run(_:model:head:)`, `.binaryCrossEntropy(posWeight:)`, `.balanced`.
    public func signature(typeName: String) -> String {
        let base = name == "init" ? typeName : "." + name
        guard let arguments else { return base }
        return base + "(" + arguments.map { ($0.label ?? "_") + ":" }.joined() + ")"
    }
}

/// One argument: label, type, default (as Swift source) and limits.
public struct APIArgument: Sendable {
    /// Nil for an unlabelled argument (`_ name`).
    public var label: String?
    /// Key of the argument in `APIArguments` (the label, or the parameter name).
    public var name: String
    public var kind: ValueKind
    public var limits: Limits
    /// Swift source of the default value; nil for a required argument (lessons.wasm fills typed values' defaults from it).
    public var defaultSource: String?
    #if !hasFeature(Embedded)
    public var doc: String
    #endif

    public init(_ label: String?, name: String? = nil, _ kind: ValueKind, default defaultSource: String? = nil,
                limits: Limits = Limits(), doc: String) {
        self.label = label
        self.name = name ?? label ?? "value"
        self.kind = kind
        self.limits = limits
        self.defaultSource = defaultSource
        #if !hasFeature(Embedded)
        self.doc = doc
        #endif
    }

    public var isRequired: Bool { defaultSource == nil }
}

extension Limits {
    /// Human text for the reference page and messages: `1...1000`, `> 0`.
    public var summary: String {
        var parts: [String] = []
        switch (min, max) {
        case let (lo?, hi?): parts.append(exclusiveMin ? "> \(Self.format(lo)) and ≤ \(Self.format(hi))"
                                                       : "\(Self.format(lo))...\(Self.format(hi))")
        case let (lo?, nil): parts.append((exclusiveMin ? "> " : "≥ ") + Self.format(lo))
        case let (nil, hi?): parts.append("≤ " + Self.format(hi))
        default: break
        }
        switch (minCount, maxCount) {
        case let (lo?, hi?): parts.append("\(lo)...\(hi) entries")
        case let (lo?, nil): parts.append("at least \(lo) entries")
        case let (nil, hi?): parts.append("at most \(hi) entries")
        default: break
        }
        return parts.joined(separator: ", ")
    }

    /// `1000` not `1000.0`; `0.001` as written.
    public static func format(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
        return String(v)
    }
}
