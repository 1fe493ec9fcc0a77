import Foundation
import Synchronization

/// Server-sent events to every open page: `reload` (data: the lesson id) after a
/// rebuild, `progress` (data: lesson id, a tab, one line) while runs train.
/// Listeners are plain closures, so this knows nothing of the HTTP server.
final class EventHub: Sendable {
    private let state = Mutex<(listeners: [Int: @Sendable (String) -> Void], nextID: Int)>((listeners: [:], nextID: 0))

    /// The first bytes of a stream: reconnect a second after a drop.
    static let opening = "retry: 1000\n\n"

    func subscribe(_ write: @escaping @Sendable (String) -> Void) -> Int {
        state.withLock { s in
            s.nextID += 1
            s.listeners[s.nextID] = write
            return s.nextID
        }
    }

    func unsubscribe(_ id: Int) {
        state.withLock { $0.listeners[id] = nil }
    }

    func send(_ event: String, _ data: String) {
        let lines = data.split(separator: "\n", omittingEmptySubsequences: false)
        let chunk = "event: \(event)\n" + lines.map { "data: \($0)\n" }.joined() + "\n"
        let targets = state.withLock { Array($0.listeners.values) }
        for write in targets { write(chunk) }
    }
}
