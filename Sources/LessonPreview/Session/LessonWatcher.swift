import Foundation

/// Notices saved lessons by polling each file's modification time and size a few
/// times a second: cheap for a course folder, and the same on every platform.
final class LessonWatcher: @unchecked Sendable {
    private struct Stamp: Equatable { var modified: Date?; var size: Int? }

    private let paths: [String: String]
    private let interval: TimeInterval
    private let changed: @Sendable (String) -> Void
    private var stamps: [String: Stamp] = [:]
    private var timer: DispatchSourceTimer?

    /// `paths`: lesson id → file; `changed` is called with the id of each file that changed.
    init(paths: [String: String], interval: TimeInterval = 0.25, changed: @escaping @Sendable (String) -> Void) {
        self.paths = paths
        self.interval = interval
        self.changed = changed
        for (id, path) in paths { stamps[id] = Self.stamp(path) }
    }

    func start() {
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "lessons.preview.watch"))
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler { [weak self] in self?.poll() }
        self.timer = timer
        timer.resume()
    }

    func stop() { timer?.cancel() }

    private func poll() {
        for (id, path) in paths.sorted(by: { $0.key < $1.key }) {
            let now = Self.stamp(path)
            if now != stamps[id] {
                stamps[id] = now
                changed(id)
            }
        }
    }

    private static func stamp(_ path: String) -> Stamp {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return Stamp(modified: attributes?[.modificationDate] as? Date, size: (attributes?[.size] as? NSNumber)?.intValue)
    }
}
