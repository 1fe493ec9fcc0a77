import Foundation
import Datasets
import Experiments
import PortableJSON

/// `lessons bench --engine wasm`: the same (run, seed) pairs trained natively on one
/// thread and in lessons.wasm inside headless Chromium (scripts/bench/wasm-bench-chromium),
/// in one process run, timed and compared. A figure counts only when every browser result
/// is the native one bit for bit, so a disagreement is an error, not a footnote.
public struct BrowserBenchmark {
    /// One pair to time.
    public struct Case: Sendable {
        public var name: String
        public var run: Run
        public var dataset: DatasetSource
        /// The published result, when the pair comes from a lesson.
        public var expected: JSONValue?
    }

    /// Seconds per repeat: the result's own `trainSeconds` (the same code and clock
    /// boundaries on both engines) and the wall time of the whole pair (data included).
    public struct Timing: Sendable {
        public var trainSeconds: [Double] = []
        public var wallSeconds: [Double] = []
    }

    public struct Measurement: Sendable {
        public var name: String
        public var native: Timing
        public var browser: Timing
        /// Native speed over wasm speed, on median train seconds: the browser's share of native.
        public var ratio: Double { median(native.trainSeconds) / median(browser.trainSeconds) }
    }

    public var module: String
    public var script: String
    public var repeats: Int

    public init(module: String, script: String, repeats: Int) {
        self.module = module
        self.script = script
        self.repeats = repeats
    }

    /// The module as `lessons verify --engine wasm` finds it, and the Chromium driver beside the course folder.
    public static func standard(lessons: String, repeats: Int) -> BrowserBenchmark {
        let root = URL(fileURLWithPath: lessons).standardizedFileURL.deletingLastPathComponent()
        return BrowserBenchmark(module: WasmEngine.standard(lessons: lessons).module,
                                script: root.appendingPathComponent("scripts/bench/wasm-bench-chromium").path,
                                repeats: repeats)
    }

    /// Lesson 03's CNN: "Making the rare label count", run "plain BCE", seed 1, exactly as
    /// `lessons verify 03 --run "plain BCE" --seed 1` sends it (checked against the published result too).
    public static func lessonCNN(lessons: String, site: String) throws -> Case {
        let (_, file) = try LessonLibrary.resolve("03", directory: lessons)
        let plan = try LessonPipeline.plan(try Lesson(contentsOfFile: file.path), overrides: try ParameterOverrides.parse([]))
        let resultsPath = ((site as NSString).appendingPathComponent(file.id) as NSString).appendingPathComponent("results.json")
        guard let data = FileManager.default.contents(atPath: resultsPath) else {
            throw LessonsError(message: "\(resultsPath): no results (the CNN pair is checked against them)")
        }
        let document: JSONValue
        do { document = try JSONValue(parsing: [UInt8](data)) } catch { throw LessonsError(message: "\(resultsPath): \(error.description)") }
        let pair = try VerifyPair.pairs(plan, document: document, path: resultsPath, run: "plain BCE", seed: 1)[0]
        return Case(name: "lesson 03 CNN (plain BCE, seed 1)", run: pair.run, dataset: pair.dataset, expected: pair.expected)
    }

    /// The bench MLP through the run interface: Flatten → Dense 128 → ReLU → Dense 5 on 8,192
    /// Shapes images 28×28 with the bench's prevalences, batch 64, Adam lr 1e-3, balanced
    /// pos_weight, 5 epochs (all counted; `lessons bench` skips a warm-up epoch).
    public static let benchMLP = Case(
        name: "bench MLP 784-128-5 (Shapes, N=8192)",
        run: Run("bench MLP", model: MLP(hidden: [128]), loss: .binaryCrossEntropy(posWeight: .balanced),
                 optimizer: .adam(), epochs: 5, batchSize: 64, seed: 1),
        dataset: .shapes(Shapes(prevalence: [0.30, 0.15, 0.08, 0.04, 0.02], train: 8192, validation: 500, test: 500, seed: 1)),
        expected: nil)

    /// Times `cases` natively (on the calling thread's kernel settings: set one thread first),
    /// then in Chromium; throws (exit 1) when any result differs from native in any bit.
    public func measure(_ cases: [Case], progress: (String) -> Void) throws -> (measurements: [Measurement], browser: String) {
        var native: [Timing] = [], reference: [JSONValue] = []
        for c in cases {
            var timing = Timing()
            for r in 0..<repeats {
                progress("native: \(c.name), repeat \(r + 1) of \(repeats)…")
                let start = DispatchTime.now().uptimeNanoseconds
                let data = try c.dataset.load(relativeTo: nil)
                let text = try CanonicalJSON.string(RunExecutor.execute(c.run, on: data))
                timing.wallSeconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                let result = try parse(text, c.name, "native")
                timing.trainSeconds.append(try trainSeconds(result, c.name))
                if r == 0 {
                    if let expected = c.expected, let d = ResultDifference.first(expected: expected, got: result) {
                        throw LessonsError(message: "\(c.name): native differs from the published result: \(d)", exitCode: 1)
                    }
                    reference.append(result)
                } else if let d = ResultDifference.first(expected: reference.last!, got: result) {
                    throw LessonsError(message: "\(c.name): native repeat \(r + 1) differs from repeat 1: \(d)", exitCode: 1)
                }
            }
            native.append(timing)
        }
        progress("wasm: \(cases.count) pairs × \(repeats) in headless Chromium (\(module))…")
        let browser = try runBrowser(cases)
        var measurements: [Measurement] = []
        for (i, c) in cases.enumerated() {
            var timing = Timing(trainSeconds: [], wallSeconds: browser.wallSeconds[i])
            for (r, text) in browser.results[i].enumerated() {
                let result = try parse(text, c.name, "wasm")
                if let d = ResultDifference.first(expected: reference[i], got: result) {
                    throw LessonsError(message: "\(c.name): the browser's result differs from native (repeat \(r + 1)): \(d); "
                                       + "the timing is void", exitCode: 1)
                }
                timing.trainSeconds.append(try trainSeconds(result, c.name))
            }
            measurements.append(Measurement(name: c.name, native: native[i], browser: timing))
        }
        return (measurements, browser.version)
    }

    private func runBrowser(_ cases: [Case]) throws -> (results: [[String]], wallSeconds: [[Double]], version: String) {
        for (what, path) in [("module", module), ("Chromium driver", script)] where !FileManager.default.fileExists(atPath: path) {
            throw LessonsError(message: "--engine wasm: no \(what) at \(path)" + (what == "module" ? " (make wasm, or set LESSONS_WASM)" : ""))
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-wasm-bench-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var requests: [String] = []
        for (i, c) in cases.enumerated() {
            let path = folder.appendingPathComponent("request-\(i).json").path
            try PairRequest(run: c.run, dataset: c.dataset).text().write(toFile: path, atomically: true, encoding: .utf8)
            requests.append(path)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        process.arguments = [module, String(repeats)] + requests
        let output = Pipe()
        process.standardOutput = output  // standard error stays the user's: installs and failures show
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw LessonsError(message: "\(script) exited with status \(process.terminationStatus)", exitCode: 1)
        }
        do {
            let answer = try JSONValue(parsing: [UInt8](data))
            guard try answer.field("fused", "").bool("fused") else {
                throw LessonsError(message: "Chromium does not fuse relaxed_madd: the module cannot train bit for bit there", exitCode: 1)
            }
            let pairs = try answer.field("pairs", "").array("pairs")
            guard pairs.count == cases.count else { throw LessonsError(message: "\(script): \(pairs.count) answers for \(cases.count) pairs", exitCode: 1) }
            return (try pairs.map { try $0.field("results", "").array("results").map { try $0.string("result") } },
                    try pairs.map { try $0.field("wallSeconds", "").array("wallSeconds").map { try $0.double("seconds") } },
                    try answer.field("browser", "").string("browser"))
        } catch let error as JSONError {
            throw LessonsError(message: "\(script): not the answer expected: \(error.description)", exitCode: 1)
        }
    }

    private func parse(_ text: String, _ name: String, _ engine: String) throws -> JSONValue {
        do { return try JSONValue(parsing: text) } catch {
            throw LessonsError(message: "\(name): the \(engine) result is not JSON: \(error.description)", exitCode: 1)
        }
    }

    private func trainSeconds(_ result: JSONValue, _ name: String) throws -> Double {
        guard let seconds = try? result.field("timings", "").field("trainSeconds", "").double("") else {
            throw LessonsError(message: "\(name): the result has no timings.trainSeconds", exitCode: 1)
        }
        return seconds
    }
}

extension BrowserBenchmark.Measurement {
    /// "median [min–max]" of `values` in seconds.
    static func summary(_ values: [Double]) -> String {
        String(format: "%.2f [%.2f–%.2f]", median(values), values.min() ?? .nan, values.max() ?? .nan)
    }

    /// One Markdown table row: train seconds on each engine, the ratio, then the whole pair's wall seconds.
    public var row: String {
        "| \(name) | \(Self.summary(native.trainSeconds)) | \(Self.summary(browser.trainSeconds)) | "
            + String(format: "%.2f×", ratio)
            + " | \(Self.summary(native.wallSeconds)) | \(Self.summary(browser.wallSeconds)) |"
    }

    public static let header = """
        | pair | native, 1 thread: train s | wasm in Chromium: train s | wasm/native speed | native: pair s | wasm: pair s |
        |---|---|---|---|---|---|
        """
}

/// The middle value (the mean of the two middle ones for an even count).
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}
