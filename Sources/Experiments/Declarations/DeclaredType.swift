import PortableJSON

/// An initialiser or enum case of a declared API type: its name (`"init"` for
/// `Type(...)`), its arguments (nil for a case written without parentheses, such as
/// `.constant`), its doc and the one builder that makes the value from typed reads.
public struct DeclaredMember<Value>: Sendable {
    public let name: String
    /// The case Codable writes, when the lesson spells it otherwise (`.balanced(scale:)` is stored as `scaledBalanced`).
    public var storedAs: String?
    public let arguments: [ArgumentFacts]?
    #if !hasFeature(Embedded)
    /// The reference page's line (lessons.wasm keeps no docs).
    public let doc: String
    #endif
    /// Checks across arguments (lengths that must agree, ...); issues name an argument path.
    public let check: @Sendable (ArgumentSource) throws(JSONError) -> [APIIssue]
    public let make: @Sendable (ArgumentSource) throws(JSONError) -> Value

    public init(_ name: String, _ arguments: [ArgumentFacts]?, doc: String,
                check: @escaping @Sendable (ArgumentSource) throws(JSONError) -> [APIIssue] = { _ in [] },
                make: @escaping @Sendable (ArgumentSource) throws(JSONError) -> Value) {
        self.name = name
        self.arguments = arguments
        #if !hasFeature(Embedded)
        self.doc = doc
        #endif
        self.check = check
        self.make = make
    }

    /// This member, stored by Codable as the case `name`.
    public func stored(as name: String) -> DeclaredMember {
        var member = self
        member.storedAs = name
        return member
    }

    /// A case written without parentheses.
    public static func plain(_ name: String, _ value: Value, doc: String) -> DeclaredMember where Value: Sendable {
        DeclaredMember(name, nil, doc: doc) { _ in value }
    }

    /// `.name([w₁, w₂, …])`: one non-negative weight per label, in label order.
    static func perLabelWeights(_ name: String, doc: String, _ make: @escaping @Sendable ([Double]) -> Value) -> DeclaredMember {
        let weights = ArgumentKey<[Double]>(nil, name: "weights", limits: .weights, doc: "One weight per label, in label order.")
        return DeclaredMember(name, [weights.facts], doc: doc) { a throws(JSONError) in make(try a(weights)) }
    }

    /// Cases written without parentheses, each named by its raw value (the case's own
    /// name, so the member and the value cannot disagree), with its doc.
    public static func plain(_ cases: [(Value, String)]) -> [DeclaredMember]
    where Value: RawRepresentable & Sendable, Value.RawValue == String {
        cases.map { value, doc in plain(value.rawValue, value, doc: doc) }
    }
}

/// A lesson API type declared once, by its members and their typed arguments. The
/// evaluator's description (`APITypeDescription(declared:)`), the reference page, the
/// reading of its Codable JSON (in lessons.wasm too) and the Swift spelling of its
/// values as defaults all derive from `members`. Its stored fields (a struct's
/// properties, an enum case's labels) are named as its arguments, so its Codable form
/// is what `read(json:)` reads.
public protocol DeclaredType: ArgumentValue, Equatable {
    static var typeName: String { get }
    static var members: [DeclaredMember<Self>] { get }
    /// The literals it may be written as; none unless it says.
    static var literals: [DeclaredLiteral<Self>] { get }
}

extension DeclaredType {
    public static var literals: [DeclaredLiteral<Self>] { [] }

    /// A struct (one `init`) reads its fields; an enum the one key that names its case
    /// (its values named by their labels, `_0` for an unlabelled one), or a `String` enum
    /// its case's name.
    public static func read(json: JSONValue?, _ path: String) throws(JSONError) -> Self {
        let members = self.members
        let (index, source) = try declaredMember(
            in: try present(json, path), path, typeName: typeName,
            MemberSpellings(count: members.count) { (members[$0].name, members[$0].storedAs, members[$0].arguments == nil) })
        return try members[index].make(source)
    }

    public static var argumentKind: ValueKind { .api(typeName) }
    public static func read(api value: APIValue) -> Self? { value.object(as: Self.self) }

    #if !hasFeature(Embedded)
    /// The member that makes this value from its defaults alone (`.constant`,
    /// `EarlyStopping()`), or else the enum case with its values (`.fixed(0.5)`).
    public var swiftSource: String {
        for member in Self.members {
            guard (member.arguments ?? []).allSatisfy({ $0.defaultSource() != nil }),
                  let value = try? member.make(.defaults), value == self else { continue }
            let base = member.name == "init" ? Self.typeName : "." + member.name
            return member.arguments == nil ? base : base + "()"
        }
        if let spelled = caseSource { return spelled }
        preconditionFailure("\(Self.typeName) value \(self) is not spelled by a member")
    }

    /// An enum case with its values (`.fixed(0.5)`), spelled by the member named as the case.
    private var caseSource: String? {
        guard let child = Mirror(reflecting: self).children.first, let name = child.label,
              let member = Self.members.first(where: { ($0.storedAs ?? $0.name) == name }), let arguments = member.arguments else { return nil }
        // One value is the payload itself, unless labelled (a one-element labelled tuple).
        let values = arguments.count == 1 && child.value is any ArgumentValue ? [child.value]
            : Mirror(reflecting: child.value).children.map(\.value)
        guard values.count == arguments.count else { return nil }
        var parts: [String] = []
        for (argument, value) in zip(arguments, values) {
            guard let value = value as? any ArgumentValue else { return nil }
            parts.append((argument.label.map { $0 + ": " } ?? "") + value.swiftSource)
        }
        return "." + member.name + "(" + parts.joined(separator: ", ") + ")"
    }
    #endif
}

/// How a declared type's members are spelled in JSON, by index. A struct, not a
/// closure argument, so the optimizer does not clone `declaredMember` for its callers.
private struct MemberSpellings {
    let count: Int
    let member: (Int) -> (name: String, storedAs: String?, plain: Bool)
}

/// The member of a declared type that `json` names, and where its arguments are read:
/// `read(json:)`'s work that does not depend on the type, so lessons.wasm has it once
/// rather than once for each of the two dozen declared types.
@inline(never)
private func declaredMember(in json: JSONValue, _ path: String, typeName: String, _ spellings: MemberSpellings)
throws(JSONError) -> (Int, ArgumentSource) {
    let members = (0..<spellings.count).lazy.map(spellings.member)
    if let index = members.firstIndex(where: { $0.name == "init" }) {
        return (index, .json(json, path: path))
    }
    if case .string(let name) = json {
        guard let index = members.firstIndex(where: { $0.name == name && $0.plain }) else {
            throw JSONError("\(path): unknown \(typeName) '\(name)'")
        }
        return (index, .defaults)
    }
    let (name, values) = try json.enumCase(path)
    guard let index = members.firstIndex(where: { ($0.storedAs ?? $0.name) == name }) else {
        throw JSONError("\(path): unknown \(typeName) '\(name)'")
    }
    return (index, ArgumentSource(storage: .json(values, path: path + "." + name, isCase: true)))
}
