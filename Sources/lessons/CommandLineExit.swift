import ArgumentParser
import Foundation
import LessonKit

extension Lessons {
    /// Runs the command line and returns the exit status: lesson errors print the
    /// compiler way; usage errors (ArgumentParser's 64) become 2, as documented.
    static func run(arguments: [String]) -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let error as LessonsError {
            Console.error(error.formatted(color: TerminalStyle.useColor()))
            return error.exitCode
        } catch where FileSystemFailure.isFoundation(error) {
            // A file error no command caught: its path and reason, never Foundation's own text.
            Console.error(LessonsError(message: FileSystemFailure.message("complete the command", "", error))
                .formatted(color: TerminalStyle.useColor()))
            return 2
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {  // --help, --version
                if !message.isEmpty { print(message) }
                return 0
            }
            if !message.isEmpty { Console.error(message) }
            return code == .validationFailure ? 2 : code.rawValue
        }
    }
}

extension CommandLine {
    static func exit(with status: Int32) -> Never {
        Foundation.exit(status)
    }
}

/// Messages for people go to stderr; stdout carries results (paths, lists).
enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Names of files the course folder skipped, as warnings.
    static func warnSkipped(_ library: LessonLibrary) {
        for name in library.skipped {
            let diagnostic = Diagnostic(path: library.displayPath(ofFileNamed: name),
                                        location: nil, severity: .warning,
                                        message: "skipped: lesson file names may use only letters, digits, '-', '_' and '.'")
            error(diagnostic.formatted(source: String?.none, color: TerminalStyle.useColor()))
        }
    }
}
