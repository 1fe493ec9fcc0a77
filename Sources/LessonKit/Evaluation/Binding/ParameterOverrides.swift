import Foundation
/// `--set name=value` arguments as the evaluator takes them: name → Swift source.
/// The value is parsed and type-checked later, against the declared parameter.
public enum ParameterOverrides {
    public static func parse(_ arguments: [String]) throws -> [String: String] {
        var out: [String: String] = [:]
        for argument in arguments {
            guard let eq = argument.firstIndex(of: "=") else {
                throw LessonsError(message: "--set \(argument): expected name=value, e.g. --set epochs=20")
            }
            let name = argument[..<eq].trimmingCharacters(in: .whitespaces)
            let value = String(argument[argument.index(after: eq)...])
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw LessonsError(message: "--set \(argument): '\(name)' is not a parameter name")
            }
            guard out[name] == nil else {
                throw LessonsError(message: "--set \(name) is given twice")
            }
            out[name] = value
        }
        return out
    }
}
