import ArgumentParser
import Foundation
import LessonKit

extension Lessons {
    /// `lessons list [DIR]`: the course in order, one lesson a line.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the lessons of a course folder in course order.")

        @Argument(help: ArgumentHelp("The course folder.", valueName: "dir"))
        var directory: String = LessonLibrary.defaultDirectory

        mutating func run() throws {
            let library = try LessonLibrary(directory: directory)
            Console.warnSkipped(library)
            let course = try library.loadCourse()
            guard !course.isEmpty else {
                throw LessonsError(message: "no lessons in '\(library.directory)' (a lesson is a Markdown file such as '01-intro.md')")
            }
            let width = course.map(\.file.fileName.count).max() ?? 0
            for item in course {
                let name = item.file.fileName.padding(toLength: width, withPad: " ", startingAt: 0)
                print("\(name)  \(item.lesson.meta.title)")
            }
        }
    }
}
