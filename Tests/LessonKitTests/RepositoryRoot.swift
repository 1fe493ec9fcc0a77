import Foundation

/// The folder holding `Package.swift`, found from this file: tests that read the
/// committed `Lessons/` and `site/` start there.
enum RepositoryRoot {
    static var url: URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return url
    }
}
