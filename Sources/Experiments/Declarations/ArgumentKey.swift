import PortableJSON

/// One argument of the lesson API, declared once: its label, its Swift type (the
/// generic `Value`), its default as a typed value, its limits and its doc. The
/// evaluator's description (`APIArgument`, with the default's Swift spelling derived
/// from the value), the reference page, and the typed reads of builders all come
/// from it, natively and in lessons.wasm (where the same builders read JSON).
public struct ArgumentKey<Value: ArgumentValue>: Sendable {
    /// Nil for an unlabelled argument (`_ name`).
    public let label: String?
    /// The argument's name: its label, or the parameter's name; also the stored field's name.
    public let name: String
    /// Nil for a required argument.
    public let defaultValue: Value?
    public let limits: Limits
    #if !hasFeature(Embedded)
    /// The reference page's line (lessons.wasm keeps no docs).
    public let doc: String
    #endif

    /// A required argument.
    public init(_ label: String?, name: String? = nil, limits: Limits = Limits(), doc: String) {
        self.label = label
        self.name = name ?? label ?? "value"
        self.defaultValue = nil
        self.limits = limits
        #if !hasFeature(Embedded)
        self.doc = doc
        #endif
    }

    /// An argument with a default (for an optional `Value`, `default: nil` is the nil default).
    public init(_ label: String?, name: String? = nil, default value: Value, limits: Limits = Limits(), doc: String) {
        self.label = label
        self.name = name ?? label ?? "value"
        self.defaultValue = value
        self.limits = limits
        #if !hasFeature(Embedded)
        self.doc = doc
        #endif
    }

    /// What a member's declaration keeps of the argument, without its type parameter.
    public var facts: ArgumentFacts {
        #if hasFeature(Embedded)
        ArgumentFacts(name: name, label: label, kind: Value.argumentKind, limits: limits)
        #else
        ArgumentFacts(name: name, label: label, kind: Value.argumentKind, limits: limits, doc: doc,
                      defaultSource: { [defaultValue] in defaultValue?.swiftSource })
        #endif
    }
}

/// An argument as a member lists it: what the evaluator's and the plan resolver's
/// `APIArgument` needs. Natively also its doc and the default's Swift spelling, made
/// when it is first asked for (a default may be a value of the very type being declared).
public struct ArgumentFacts: Sendable {
    public let name: String
    public let label: String?
    public let kind: ValueKind
    public let limits: Limits
    #if !hasFeature(Embedded)
    public let doc: String
    let defaultSource: @Sendable () -> String?
    #endif
}

/// A type an argument may have: numbers, strings, Booleans, optionals and arrays of
/// them, and the declared API types. Each says how it is read from the JSON its
/// Codable form writes (what lessons.wasm is given) and, natively, from an evaluated
/// lesson value, with its Swift spelling (a default's source on the reference page).
public protocol ArgumentValue: Sendable {
    /// Reads the value at `path`; `json` is nil when the field is absent (an optional's nil).
    static func read(json: JSONValue?, _ path: String) throws(JSONError) -> Self
    /// True for an optional: an absent field is its nil, not the argument's default.
    static var absentIsNil: Bool { get }
    static var argumentKind: ValueKind { get }
    /// The value, or nil when an evaluated value is not of this type.
    static func read(api value: APIValue) -> Self?
    #if !hasFeature(Embedded)
    /// Swift source that evaluates to this value.
    var swiftSource: String { get }
    #endif
}

extension ArgumentValue {
    public static var absentIsNil: Bool { false }

    /// A required field's value, or the error naming it.
    static func present(_ json: JSONValue?, _ path: String) throws(JSONError) -> JSONValue {
        guard let json else { throw JSONError("\(path): missing") }
        return json
    }
}

/// Where a builder reads its arguments: a checked call in lesson code (natively), a
/// JSON object written by the value's Codable form (a run spec in lessons.wasm), or
/// the declared defaults alone. Reads are typed: `try a(Augmentation.shift)` is an `Int`.
public struct ArgumentSource: Sendable {
    enum Storage: Sendable {
        /// `isCase`: the values of an enum case, where an unlabelled argument is stored as `_0`.
        case json(JSONValue, path: String, isCase: Bool)
        case defaults
        case evaluated(APIArguments)
    }
    let storage: Storage

    public static func json(_ object: JSONValue, path: String) -> ArgumentSource { ArgumentSource(storage: .json(object, path: path, isCase: false)) }
    /// Every argument at its default (a required one is a defect of the caller).
    static let defaults = ArgumentSource(storage: .defaults)

    /// Out of line: a builder reads a dozen arguments, and inlined each read was a copy of
    /// the whole switch in lessons.wasm. Only the typed read is here; finding the field
    /// is `find`'s, which lessons.wasm has once rather than for each argument type.
    @inline(never)
    public func callAsFunction<V>(_ key: ArgumentKey<V>) throws(JSONError) -> V {
        switch try find(key.name, unlabelled: key.label == nil, hasDefault: key.defaultValue != nil, absentIsNil: V.absentIsNil) {
        case .json(let field, let path):
            return try V.read(json: field, path)
        case .evaluated(let value):
            // A checked call holds each described argument with its type.
            guard let value = V.read(api: value) else { Self.unreadable(key.name) }
            return value
        case .useDefault:   // `find` answers this only for an argument with a default
            guard let value = key.defaultValue else { Self.unreadable(key.name) }
            return value
        }
    }

    /// Where an argument's value is, before it is read as its type.
    private enum Found {
        case json(JSONValue?, path: String)
        case evaluated(APIValue)
        case useDefault
    }

    /// The part of a read that does not depend on the argument's type.
    @inline(never)
    private func find(_ name: String, unlabelled: Bool, hasDefault: Bool, absentIsNil: Bool) throws(JSONError) -> Found {
        switch storage {
        case .json(let object, let path, let isCase):
            let key = isCase && unlabelled ? "_0" : name
            let field = try object.optionalField(key, path)
            // A field left out by a type that stores its default as nil (`batchNorm: false`) reads as the default.
            if field == nil, !absentIsNil, hasDefault { return .useDefault }
            return .json(field, path: path + "." + key)
        case .defaults:
            guard hasDefault else { throw Self.noDefault(name) }
            return .useDefault
        case .evaluated(let arguments):
            return .evaluated(arguments[name])
        }
    }

    private static func noDefault(_ name: String) -> JSONError { JSONError("\(name): required, and has no default") }

    /// A defect of the caller, not of the lesson; out of line, as the message is the same for every type.
    @inline(never)
    private static func unreadable(_ name: String) -> Never {
        preconditionFailure("argument '\(name)' cannot be read as its declared type")
    }
}
