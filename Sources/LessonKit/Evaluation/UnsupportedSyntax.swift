import SwiftSyntax

/// Names the Swift construct a lesson used that the evaluator does not accept.
extension EvaluationContext {
    func unsupported(_ node: some SyntaxProtocol) {
        error("\(Self.constructName(Syntax(node))) \(Self.isPlural(Syntax(node)) ? "are" : "is") not supported in lessons",
              at: node)
    }

    static func isPlural(_ node: Syntax) -> Bool {
        let name = constructName(node)
        return !(name == "'super'" || name.hasPrefix("this "))
    }

    static func constructName(_ node: Syntax) -> String {
        switch node.kind {
        case .closureExpr: return "closures"
        case .forStmt: return "'for' loops"
        case .whileStmt: return "'while' loops"
        case .repeatStmt: return "'repeat' loops"
        case .ifExpr: return "'if' statements"
        case .guardStmt: return "'guard' statements"
        case .switchExpr: return "'switch' statements"
        case .doStmt: return "'do' blocks"
        case .returnStmt: return "'return' statements"
        case .throwStmt: return "'throw' statements"
        case .deferStmt: return "'defer' blocks"
        case .breakStmt, .continueStmt: return "'break' and 'continue'"
        case .functionDecl: return "function declarations ('func')"
        case .importDecl: return "imports"
        case .structDecl, .classDecl, .enumDecl, .actorDecl, .protocolDecl: return "type declarations"
        case .extensionDecl: return "extensions"
        case .typeAliasDecl: return "type aliases"
        case .operatorDecl, .precedenceGroupDecl: return "operator declarations"
        case .macroExpansionExpr, .macroExpansionDecl, .macroDecl: return "macros"
        case .ifConfigDecl: return "'#if' blocks"
        case .assignmentExpr: return "assignments (names are bound once with 'let')"
        case .ternaryExpr, .unresolvedTernaryExpr: return "conditional expressions ('? :')"
        case .asExpr, .unresolvedAsExpr: return "type casts ('as')"
        case .isExpr, .unresolvedIsExpr: return "type checks ('is')"
        case .tryExpr: return "'try' expressions"
        case .awaitExpr: return "'await' expressions"
        case .forceUnwrapExpr: return "force unwraps ('!')"
        case .optionalChainingExpr: return "optional chaining ('?')"
        case .keyPathExpr: return "key paths"
        case .regexLiteralExpr: return "regex literals"
        case .inOutExpr: return "in-out arguments ('&')"
        case .postfixOperatorExpr: return "postfix operators"
        case .tupleExpr: return "tuples"
        case .subscriptCallExpr: return "subscripts"
        case .superExpr: return "'super'"
        case .discardAssignmentExpr: return "'_' assignments"
        case .patternExpr: return "patterns"
        case .typeExpr: return "type expressions"
        case .stringLiteralExpr: return "string interpolations"
        case .simpleStringLiteralExpr: return "string literals of this kind"
        case .packExpansionExpr, .packElementExpr: return "parameter packs"
        case .consumeExpr, .copyExpr: return "ownership operators"
        case .genericSpecializationExpr: return "generic arguments"
        case .variableDecl: return "this declaration"
        default: return "this construct (\(node.kind))"
        }
    }
}
