import Foundation
import Synchronization
import SwiftParser
import SwiftSyntax

/// SwiftParser run where its recursion cannot overflow. The parser recurses
/// once per level of some constructs that need no brackets (`try try …`,
/// `a ? b ? …`, `A<B<…`), so it runs on a thread whose stack is sized for the
/// largest text it is given (`maximumBytes`); the tree it returns is checked by
/// `SyntaxGuard` before anything else walks it.
enum SwiftParsing {
    /// The most text parsed at once: a runnable block's limit, and the most of a
    /// shown code block that is highlighted.
    static let maximumBytes = EvaluationBounds.blockBytes
    /// Measured: 64 KiB of the deepest-recursing constructs use under 100 MiB in a debug build.
    static let stackBytes = 512 << 20

    static func parse(_ text: String, maximumNestingLevel: Int? = nil) -> SourceFileSyntax {
        precondition(text.utf8.count <= maximumBytes, "callers bound the text first")
        let result = Mutex<SourceFileSyntax?>(nil)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            var parser = Parser(text, maximumNestingLevel: maximumNestingLevel)
            let tree = SourceFileSyntax.parse(from: &parser)
            result.withLock { $0 = tree }
            done.signal()
        }
        thread.stackSize = stackBytes
        thread.start()
        done.wait()
        return result.withLock { $0! }
    }
}
