import ArgumentParser
import Foundation
import LessonKit

extension Lessons {
    /// `lessons reference`: the page describing every type and argument of the lesson language.
    struct Reference: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the reference page of the lesson language (every type, argument, default and range).")

        @OptionGroup var output: OutputOptions

        mutating func run() throws {
            let folder = URL(fileURLWithPath: output.out)
            let page = folder.appendingPathComponent(APIReferencePage.fileName)
            try FileSystemFailure.guarding("write", page.path) {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data(APIReferencePage.html().utf8).write(to: page, options: .atomic)
            }
            print(page.path)
        }
    }
}
