import Foundation

/// The list of files this program wrote into an output folder (`.lessons-manifest.json`).
///
/// It is what lets a rebuild remove pages of deleted lessons while leaving every
/// file it did not write alone, and it remembers each lesson's status for the
/// index when only one lesson is rerun.
struct SiteManifest: Codable, Equatable {
    static let fileName = ".lessons-manifest.json"

    var version = 1
    /// Relative paths of the files we own, sorted.
    var files: [String] = []
    /// Status of each lesson whose page shows results, by lesson id.
    var statuses: [String: LessonStatus] = [:]

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    static func read(from root: URL) throws -> SiteManifest? {
        let url = root.appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        do {
            return try JSONDecoder().decode(SiteManifest.self, from: data)
        } catch {
            throw LessonsError(message: "'\(url.path)' is damaged; delete it and the pages it listed, then build again")
        }
    }
}

/// What a commit does, written before any file of the site changes, so an
/// interrupted commit is finished by the next run instead of leaving a mix.
struct SiteCommit: Codable {
    static let fileName = "commit.json"
    var moves: [String]
    var deletes: [String]
}
