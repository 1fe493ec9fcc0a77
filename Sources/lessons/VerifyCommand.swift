import ArgumentParser
import Foundation
import LessonKit
import PortableJSON

extension Lessons {
    /// `lessons verify LESSON`: retrain the lesson's (run, seed) pairs cold, natively or in
    /// lessons.wasm under node, and compare every number with the published results.json
    /// bit for bit (timings aside). Exit 0 when all agree, 1 at the first difference, 2 on bad input.
    struct Verify: ParsableCommand {
        enum EngineName: String, ExpressibleByArgument, CaseIterable { case native, wasm }

        static let configuration = CommandConfiguration(
            abstract: "Retrain a lesson's runs cold and compare every number with its published results.json.",
            discussion: "Prints the first difference (run, seed, field, expected, got) and exits 1; exits 0 when every "
                + "pair agrees bit for bit. --engine wasm trains in lessons.wasm under node (LESSONS_WASM names another module).")

        @Argument(help: ArgumentHelp("The lesson: a path or a name such as 03-weighted-loss.md, 03-weighted-loss or 03.",
                                     valueName: "lesson"))
        var lesson: String

        @Option(name: .long, help: ArgumentHelp("Course folder names are looked up in.", valueName: "dir"))
        var lessons: String = LessonLibrary.defaultDirectory

        @Option(name: .long, help: ArgumentHelp("Where to train: native or wasm.", valueName: "engine"))
        var engine: EngineName = .native

        @Option(name: .customLong("set"), help: ArgumentHelp("Override a parameter, as the results were run with (repeatable).",
                                                             valueName: "name=value"))
        var overrides: [String] = []

        @Option(name: .long, help: ArgumentHelp("Site folder whose <lesson>/results.json is compared with.", valueName: "dir"))
        var out: String = SiteBuilder.defaultOutput

        @Option(name: .customLong("run"), help: ArgumentHelp("Only this run.", valueName: "name"))
        var runName: String?

        @Option(name: .long, help: ArgumentHelp("Only this seed.", valueName: "seed"))
        var seed: Int?

        mutating func run() throws {
            let (_, file) = try LessonLibrary.resolve(lesson, directory: lessons)
            let parsed = try Lesson(contentsOfFile: file.path)
            let plan = try LessonPipeline.plan(parsed, overrides: try ParameterOverrides.parse(overrides))
            let resultsPath = ((out as NSString).appendingPathComponent(file.id) as NSString).appendingPathComponent("results.json")
            guard let data = FileManager.default.contents(atPath: resultsPath) else {
                throw LessonsError(message: "\(resultsPath): no results to compare with (run the lesson first, or give --out)")
            }
            let document: JSONValue
            do { document = try JSONValue(parsing: [UInt8](data)) } catch {
                throw LessonsError(message: "\(resultsPath): \(error.description)")
            }
            let pairs = try VerifyPair.pairs(plan, document: document, path: resultsPath, run: runName, seed: seed)
            let engine: LessonVerification.Engine = self.engine == .native
                ? .native : .wasm(WasmEngine.standard(site: SiteBuilder.defaultOutput, lessons: lessons))
            let verification = LessonVerification(engine: engine, lessonFolder: URL(fileURLWithPath: file.path).deletingLastPathComponent().path)
            if let disagreement = try verification.verify(pairs, progress: { pair, result in
                let seconds = (try? result.field("timings", "").field("trainSeconds", "").double("")) ?? 0
                print("agrees: '\(pair.context)': run '\(pair.run.name)', seed \(pair.seed) "
                      + "(trained in \((seconds * 10).rounded() / 10) s)")
            }) {
                Console.error("error: \(resultsPath): \(disagreement) (\(self.engine.rawValue) engine)")
                throw ExitCode(1)
            }
            print("\(pairs.count) (run, seed) \(pairs.count == 1 ? "pair agrees" : "pairs agree") bit for bit with \(resultsPath) "
                  + "(\(self.engine.rawValue) engine)")
        }
    }
}
