import ArgumentParser
import Foundation
import LessonKit

extension Lessons {
    /// `lessons export LESSON`: the lesson's code as a standalone Swift program.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a lesson's Swift blocks as a standalone main.swift against the Experiments API.")

        @Argument(help: ArgumentHelp("The lesson: a path or a name such as 03-weighted-loss.", valueName: "lesson"))
        var lesson: String

        @Option(name: .long, help: ArgumentHelp("Course folder names are looked up in.", valueName: "dir"))
        var lessons: String = LessonLibrary.defaultDirectory

        @Option(name: .customLong("set"), help: ArgumentHelp("Override a parameter, e.g. --set epochs=20.", valueName: "name=value"))
        var overrides: [String] = []

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
        var output: String?

        mutating func run() throws {
            let (library, file) = try LessonLibrary.resolve(lesson, directory: lessons)
            if let output { try ExportTarget.check(output, lesson: file, library: library) }
            let parsed = try Lesson(contentsOfFile: file.path)
            switch LessonExport.program(for: parsed, overrides: try ParameterOverrides.parse(overrides)) {
            case .failure(let list):
                throw LessonsError(list.diagnostics, source: parsed.source)
            case .success(let program):
                if let output {
                    try FileSystemFailure.guarding("write", output) {
                        try Data(program.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
                    }
                    print(output)
                } else {
                    print(program, terminator: "")
                }
            }
        }
    }
}
