import ArgumentParser
import Foundation
import LessonFuzz
import LessonKit

extension Lessons {
    /// `lessons fuzz`: mutates the course lessons and checks the tool's promises
    /// on each mutant (exit 0, 1 or 2, never a signal; exit 2 located; nothing
    /// written on exit 2). Hidden: a development tool, described in the README.
    struct Fuzz: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fuzz the tool with mutants of the course lessons (development).", shouldDisplay: false)

        @Option(help: "How many mutants.") var count: Int = 1000
        @Option(help: "The seed: the same seed gives the same mutants.") var seed: UInt64 = 1
        @Option(help: "Worker processes.") var jobs: Int = RunScheduler.defaultJobs
        @Option(name: .customLong("binary-every"), help: "Every Nth mutant runs `lessons run` on tiny data (0: none).")
        var binaryEvery: Int = 100
        @Option(help: "The course folder mutated.") var lessons: String = LessonLibrary.defaultDirectory
        @Option(help: "Where mutants that broke an invariant are saved.") var keep: String = ".build/fuzz"
        @Option(help: "The first mutant (to replay one: --from I --count 1).") var from: Int = 0

        @Flag(help: .hidden) var worker = false
        @Option(help: .hidden) var step: Int = 1
        @Option(help: .hidden) var scratch: String?

        func validate() throws {
            guard count >= 0, from >= 0, jobs >= 1, binaryEvery >= 0 else {
                throw ValidationError("--count, --from and --binary-every must be 0 or more, --jobs 1 or more")
            }
        }

        mutating func run() throws {
            let seeds = try FuzzPlan.seeds(lessonsFolder: lessons)
            guard !seeds.isEmpty else { throw LessonsError(message: "no lessons in '\(lessons)' to mutate") }
            let end = worker ? count : from + count
            let plan = FuzzPlan(seeds: seeds, seed: seed, first: from, end: end, binaryEvery: binaryEvery)
            let executable = Self.executablePath()
            if worker {
                let folder = URL(fileURLWithPath: scratch ?? NSTemporaryDirectory()).appendingPathComponent("worker-\(getpid())")
                try FuzzWorker.run(plan: plan, executable: executable, scratch: folder, step: step) { line in
                    FileHandle.standardOutput.write(Data(line.utf8))
                }
                return
            }
            let scratchRoot = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-fuzz-\(getpid())")
            defer { try? FileManager.default.removeItem(at: scratchRoot) }
            let keepURL = URL(fileURLWithPath: keep)
            let supervisor = FuzzSupervisor(
                plan: plan, jobs: jobs, executable: executable,
                workerArguments: ["fuzz", "--worker", "--seed", String(seed), "--count", String(end),
                                  "--binary-every", String(binaryEvery), "--lessons", lessons,
                                  "--scratch", scratchRoot.path], keep: keepURL)
            let total = count
            let report = supervisor.run { snapshot in
                Console.error("… \(snapshot.judged) of \(total) mutants, \(snapshot.findings.count) findings, "
                              + "\(Int(snapshot.seconds)) s")
            }
            print(report.text(), terminator: "")
            if !report.findings.isEmpty { throw ExitCode(1) }
        }

        /// This binary's path (workers are the same program).
        static func executablePath() -> String {
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        }
    }
}
