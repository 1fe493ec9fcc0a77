import ArgumentParser
import LessonKit

@main
struct Lessons: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons",
        abstract: "Run literate machine-learning lessons and render them to a static site.")
}
