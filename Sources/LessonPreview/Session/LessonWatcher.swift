import Foundation
import Synchronization

/// Notices saved lessons by polling each file's modification time and size a few
/// times a second: cheap for a course folder, and the same on every platform.
final class LessonWatcher: Sendable {
    private struct Stamp: Equatable { var modified: Date?; var size: Int? }

    private let paths: [String: String]
    private let interval: TimeInterval
    private let changed: @Sendable (String) -> Void
    /// Read and written by the timer's queue; `start`/`stop` come from the server's threads.
    private let stamps: Mutex<[String: Stamp]>
    private let timer = Mutex<DispatchSourceTimer?>(nil)

    /// `paths`: lesson id → file; `changed` is called with the id of each file that changed.
    init(paths: [String: String], interval: TimeInterval = 0.25, changed: @escaping @Sendable (String) -> Void) {
        self.paths = paths
        self.interval = interval
        self.changed = changed
        stamps = Mutex(paths.mapValues(Self.stamp))
    }

    func start() {
        let interval = self.interval
        timer.withLock { timer in
            let source = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "lessons.preview.watch"))
            source.schedule(deadline: .now() + interval, repeating: interval)
            source.setEventHandler { [weak self] in self?.poll() }
            source.resume()
            timer = source
        }
    }

    func stop() { timer.withLock { $0?.cancel() } }

    private func poll() {
        for (id, path) in paths.sorted(by: { $0.key < $1.key }) {
            let now = Self.stamp(path)
            let moved = stamps.withLock { stamps -> Bool in
                guard now != stamps[id] else { return false }
                stamps[id] = now
                return true
            }
            if moved { changed(id) }
        }
    }

    private static func stamp(_ path: String) -> Stamp {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return Stamp(modified: attributes?[.modificationDate] as? Date, size: (attributes?[.size] as? NSNumber)?.intValue)
    }
}
