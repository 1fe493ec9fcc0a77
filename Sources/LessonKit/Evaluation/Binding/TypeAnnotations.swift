import Experiments
import SwiftSyntax

/// Type annotations of `let` (`Double`, `[Int]`, `PosWeight`, `Double?`): the
/// Swift spellings of the value kinds lessons know, resolved against the catalog.
extension ExpressionEvaluator {
    /// A type annotation (`Double`, `[Int]`, `PosWeight`, `Double?`) as a value kind.
    func valueKind(of type: TypeSyntax, in context: EvaluationContext) -> ValueKind? {
        if let id = type.as(IdentifierTypeSyntax.self) {
            if id.genericArgumentClause != nil {
                context.error("generic types are not supported; write '[Element]' or '[Key: Value]'", at: type)
                return nil
            }
            let name = id.name.text
            switch name {
            case "Int": return .int
            case "Double": return .double
            case "String": return .string
            case "Bool": return .bool
            default:
                if catalog.type(named: name) != nil { return .api(name) }
                let known = ["Int", "Double", "String", "Bool"] + catalog.types.map(\.name)
                context.error("cannot find type '\(name)' in scope\(Suggestions.didYouMean(name, in: known))", at: type)
                return nil
            }
        }
        if let a = type.as(ArrayTypeSyntax.self) { return valueKind(of: a.element, in: context).map { .array($0) } }
        if let d = type.as(DictionaryTypeSyntax.self) {
            guard let k = valueKind(of: d.key, in: context), let v = valueKind(of: d.value, in: context) else { return nil }
            return .dictionary(k, v)
        }
        if let o = type.as(OptionalTypeSyntax.self) { return valueKind(of: o.wrappedType, in: context).map { .optional($0) } }
        context.error("this kind of type annotation is not supported; use Int, Double, String, Bool, arrays, dictionaries or an API type",
                      at: type)
        return nil
    }
}
