import Foundation

/// A content-addressed store of finished results on disk.
///
/// Each entry is one file named by its key (the SHA-256 of everything the result
/// depends on). The file carries the exact canonical spec it was computed from and
/// a checksum of its payload, so a truncated, edited or colliding entry is never
/// used: it is reported and recomputed. Writes go to a unique temporary file in
/// the same folder and are renamed into place, which is atomic on POSIX file
/// systems — two processes writing the same entry leave one whole file, and a
/// process killed mid-write leaves at most a stray temporary file, which the
/// next write of that entry removes (its name carries the writer's process id).
public struct ResultCache: Sendable {
    /// Bumped when the entry layout changes; older entries then read as misses.
    public static let formatVersion = 2

    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// `.lessons-cache` next to the lessons folder (the project root in practice).
    public static func defaultDirectory(forLessonAt lessonPath: String) -> URL {
        let lessonFolder = URL(fileURLWithPath: lessonPath).standardizedFileURL.deletingLastPathComponent()
        let root = lessonFolder.lastPathComponent == "Lessons" ? lessonFolder.deletingLastPathComponent() : lessonFolder
        return root.appendingPathComponent(".lessons-cache", isDirectory: true)
    }

    /// What a lookup found.
    public enum Lookup<Value> {
        case hit(Value)
        case miss
        /// The entry exists but cannot be trusted; `reason` says why. Callers warn and recompute.
        case unusable(reason: String)
    }

    /// The stored value for `key`, provided the entry was written for exactly `spec`.
    public func load<Value: Decodable>(_ type: Value.Type, key: String, spec: String) -> Lookup<Value> {
        let url = entryURL(key)
        guard FileManager.default.fileExists(atPath: url.path) else { return .miss }
        guard let data = try? Data(contentsOf: url) else {
            return .unusable(reason: "cache entry \(url.path) cannot be read")
        }
        guard let entry = try? CanonicalJSON.decoder().decode(Entry.self, from: data) else {
            return .unusable(reason: "cache entry \(url.path) is not a valid entry")
        }
        if entry.format != Self.formatVersion { return .miss }
        guard entry.key == key, entry.spec == spec else {
            return .unusable(reason: "cache entry \(url.path) was written for a different spec")
        }
        guard SHA256.hex(entry.payload) == entry.checksum else {
            return .unusable(reason: "cache entry \(url.path) fails its checksum")
        }
        do {
            return .hit(try CanonicalJSON.decoder().decode(Value.self, from: Data(entry.payload.utf8)))
        } catch {
            return .unusable(reason: "cache entry \(url.path) holds an unreadable result (\(FileSystemFailure.reason(error)))")
        }
    }

    /// Stores `value` for `key` atomically (temporary file, then rename).
    public func store<Value: Encodable>(_ value: Value, key: String, spec: String) throws {
        let payload = String(decoding: try CanonicalJSON.encode(value), as: UTF8.self)
        let entry = Entry(format: Self.formatVersion, key: key, spec: spec,
                          checksum: SHA256.hex(payload), payload: payload)
        let data = try CanonicalJSON.encode(entry)
        let url = entryURL(key)
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(
            ".\(key).\(ProcessInfo.processInfo.processIdentifier).\(UInt64.random(in: 0...UInt64.max)).tmp")
        do {
            try data.write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        removeStrayTemporaries(key: key, in: folder)
    }

    /// Deletes temporary files for `key` left by writers that no longer run
    /// (killed mid-write); a live writer's file is left alone.
    private func removeStrayTemporaries(key: String, in folder: URL) {
        let prefix = ".\(key)."
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            let fields = name.dropFirst(prefix.count).split(separator: ".")
            guard let pid = fields.first.flatMap({ Int32($0) }), pid > 0 else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
        }
    }

    /// Where the entry for `key` lives: two-character fan-out keeps folders small.
    public func entryURL(_ key: String) -> URL {
        directory.appendingPathComponent(String(key.prefix(2)), isDirectory: true)
            .appendingPathComponent(key + ".json")
    }

    /// Removes every entry (and stray temporary files).
    public func clear() throws {
        if FileManager.default.fileExists(atPath: directory.path) {
            try FileManager.default.removeItem(at: directory)
        }
    }

    private struct Entry: Codable {
        var format: Int
        var key: String
        var spec: String
        var checksum: String
        var payload: String
    }
}
