import Foundation

/// Server-sent events to every open page: `reload` (data: the lesson id) after a
/// rebuild, `progress` (data: lesson id, a tab, one line) while runs train.
/// Listeners are plain closures, so this knows nothing of the HTTP server.
final class EventHub: @unchecked Sendable {
    private var listeners: [Int: @Sendable (String) -> Void] = [:]
    private var nextID = 0
    private let lock = NSLock()

    /// The first bytes of a stream: reconnect a second after a drop.
    static let opening = "retry: 1000\n\n"

    func subscribe(_ write: @escaping @Sendable (String) -> Void) -> Int {
        lock.lock(); defer { lock.unlock() }
        nextID += 1
        listeners[nextID] = write
        return nextID
    }

    func unsubscribe(_ id: Int) {
        lock.lock(); defer { lock.unlock() }
        listeners[id] = nil
    }

    func send(_ event: String, _ data: String) {
        let lines = data.split(separator: "\n", omittingEmptySubsequences: false)
        let chunk = "event: \(event)\n" + lines.map { "data: \($0)\n" }.joined() + "\n"
        lock.lock()
        let targets = Array(listeners.values)
        lock.unlock()
        for write in targets { write(chunk) }
    }
}
