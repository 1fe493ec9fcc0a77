import PlanCore

/// Every diagnostic one evaluation of a lesson found, in the order found:
/// evaluation goes on after an error so that all problems are reported at once.
package final class Diagnostics {
    package let path: String
    package private(set) var all: [Diagnostic] = []

    package init(path: String) {
        self.path = path
    }

    package var count: Int { all.count }
    package var isEmpty: Bool { all.isEmpty }

    package func error(_ message: String, at location: SourceLocation?) {
        all.append(Diagnostic(path: path, location: location, message: message))
    }
}
