import Foundation
import Datasets
// The keys (`RunSpec`, `DatasetKey`, `SHA256`) are portable, shared with lessons.wasm; they stay
// part of LessonKit's interface, as they were before they moved.
@_exported import PortableHash
@_exported import PortableRun

extension DatasetKey {
    /// The key of `source`; `lessonFolder` resolves the relative paths of file-based data.
    public init(_ source: DatasetSource, lessonFolder: String? = nil) throws {
        self.init(kind: source.kind, spec: source.json.text,
                  files: try source.inputFiles(relativeTo: lessonFolder).map(Self.fingerprint))
    }

    static func fingerprint(_ path: String) -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(path) \(size) \(microseconds(modified))"
    }

    /// Seconds with six decimals (`1700000000.123456`), spelled here and not by the
    /// page's number formatter: how a page prints numbers must never move a cache key.
    static func microseconds(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0, seconds < 9e9 else { return String(seconds) }
        let micros = UInt64((seconds * 1e6).rounded(.toNearestOrAwayFromZero))
        let fraction = String(micros % 1_000_000)
        return "\(micros / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }
}
