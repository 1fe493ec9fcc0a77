/// Every diagnostic one evaluation of a lesson found, in the order found:
/// evaluation goes on after an error so that all problems are reported at once.
final class Diagnostics {
    let path: String
    private(set) var all: [Diagnostic] = []

    init(path: String) {
        self.path = path
    }

    var count: Int { all.count }
    var isEmpty: Bool { all.isEmpty }

    func error(_ message: String, at location: SourceLocation?) {
        all.append(Diagnostic(path: path, location: location, message: message))
    }
}
