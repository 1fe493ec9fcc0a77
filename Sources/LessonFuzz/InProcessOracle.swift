import Foundation
import LessonKit

/// Judges a mutant in this process, without training: the lesson is read from
/// a file (as `lessons run` reads it), evaluated, checked against its limits,
/// and when that plans it is rendered to a page. That is every step that takes
/// lesson text before training, at a few milliseconds a mutant. Lesson input
/// that crashes any of it kills the worker process, which the supervisor sees.
public struct InProcessOracle: Sendable {
    /// A scratch folder the mutant is written into (one per worker).
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    public func judge(_ mutant: LessonMutator.Mutant) -> FuzzVerdict {
        let file = folder.appendingPathComponent(mutant.fileName)
        do {
            try Data(mutant.bytes).write(to: file)
        } catch {
            return FuzzVerdict(.exit(1), violation: "cannot write the mutant to \(file.path)")
        }
        do {
            let lesson = try Lesson(contentsOfFile: file.path)
            _ = try LessonPipeline.plan(lesson, overrides: [:])
            let id = String(mutant.fileName.dropLast(3))
            _ = LessonPage(lesson: lesson, entry: CourseEntry(id: id, title: lesson.meta.title, summary: lesson.meta.summary),
                           sourcePath: "Lessons/" + mutant.fileName, runCommand: "lessons run \(mutant.fileName)").render()
            return FuzzVerdict(.exit(0))
        } catch let error as LessonsError {
            return FuzzVerdict.judging(exit: error.exitCode, message: error.formatted(color: false))
        } catch {
            return FuzzVerdict(.exit(1), violation: "not a lesson error: \(String(describing: error).prefix(300))")
        }
    }
}
