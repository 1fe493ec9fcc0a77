import ArgumentParser
import Foundation
import LessonKit

/// `--out DIR`, shared by every command that writes or removes the site.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder the site is written to.", valueName: "dir"))
    var out: String = SiteBuilder.defaultOutput

    /// Checked before anything runs: a file where the folder (or a folder above it) should be
    /// would otherwise fail only after training.
    func validate() throws {
        var path = URL(fileURLWithPath: out).standardizedFileURL
        while path.path != "/" {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory) {
                guard isDirectory.boolValue else {
                    throw ValidationError("--out '\(out)': '\(path.path)' is a file, not a folder")
                }
                return
            }
            path.deleteLastPathComponent()
        }
    }
}
