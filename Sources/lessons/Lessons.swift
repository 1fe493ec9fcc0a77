import ArgumentParser
import LessonKit

@main
struct Lessons: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons",
        abstract: "Run literate machine-learning lessons and render them to a static site.",
        discussion: """
        A lesson is a Markdown file in Lessons/ (e.g. Lessons/03-weighted-loss.md). \
        Pages are written to site/; open site/index.html in a browser.

        Exit status: 0 success, 1 a run or an expectation failed, 2 bad input or usage.
        """,
        // One line per command: add new commands here.
        subcommands: [Run.self, Build.self, Check.self, List.self, Clean.self, Export.self, Reference.self,
                      Bench.self, Preview.self, Fuzz.self, Verify.self, FashionAssetCommand.self])

    /// Parses, runs, and turns every failure into its message and exit status.
    static func main() {
        CommandLine.exit(with: run(arguments: Array(CommandLine.arguments.dropFirst())))
    }
}
