import Foundation
import LessonKit
import NeuralCore

extension Lessons.Bench {
    /// `lessons bench --engine wasm`: lesson 03's CNN pair and the bench MLP, natively on one
    /// thread and in lessons.wasm in headless Chromium, in this one run; exit 1 when any
    /// browser result differs from native in any bit.
    func runInBrowser() throws {
        GEMMPath.threads = 1  // native single-thread (LESSONS_GEMM_THREADS=1 does the same)
        let lessons = LessonLibrary.defaultDirectory
        var cases: [BrowserBenchmark.Case] = []
        for model in models.isEmpty ? BenchmarkModel.allCases : models {
            cases.append(model == .cnn ? try BrowserBenchmark.lessonCNN(lessons: lessons, site: SiteBuilder.defaultOutput)
                                       : BrowserBenchmark.benchMLP)
        }
        let bench = BrowserBenchmark.standard(lessons: lessons, repeats: repeats)
        let (measurements, browser) = try bench.measure(cases) { Console.error($0) }
        print("lessons.wasm (\(bench.module)) in headless \(browser) against native on 1 thread "
              + "(\(GEMMPath.current.rawValue) path), \(repeats) repeats; seconds, median [range]:")
        print(BrowserBenchmark.Measurement.header)
        for m in measurements { print(m.row) }
        print("Every browser result equals the native one bit for bit (\(measurements.count * repeats) results compared).")
    }
}
