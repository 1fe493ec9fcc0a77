import SIMDKernels
import XCTest
@testable import NeuralCore

/// `lessons bench` probes the distance between its two threads and splits the
/// runs by it: the probe answers (or gives up instead of hanging), and the
/// split puts each run in the right group.
final class CoreRoundTripTests: XCTestCase {
    func testTheProbeMeasuresTheThreadsOrSaysItCannot() throws {
        let trip = CoreRoundTrip.measure(blocks: 2, bounces: 32)
        if WorkerPool.shared.threadCount > 1 {
            let nanoseconds = try XCTUnwrap(trip, "two threads, and no round trip")
            XCTAssertGreaterThan(nanoseconds, 0)
            XCTAssertLessThan(nanoseconds, 50_000_000)
        } else {
            XCTAssertNil(trip)
        }
        // A caller whose jobs run alone has no helper to bounce with: nil within the probe's wait, not a hang.
        XCTAssertNil(WorkerPool.shared.run(alone: true) { CoreRoundTrip.measure(blocks: 2, bounces: 32) })
        XCTAssertNil(CoreRoundTrip.measure(blocks: 0, bounces: 32))
    }

    func testTheSharedCoreProbeAnswersOrSaysItCannot() throws {
        let slowdown = CoreRoundTrip.sharedCoreSlowdown(iterations: 2000)
        if WorkerPool.shared.threadCount > 1 {
            let times = try XCTUnwrap(slowdown, "two threads, and no slowdown")
            XCTAssertGreaterThan(times, 0)
        } else {
            XCTAssertNil(slowdown)
        }
        XCTAssertNil(WorkerPool.shared.run(alone: true) { CoreRoundTrip.sharedCoreSlowdown(iterations: 2000) })
        XCTAssertNil(CoreRoundTrip.sharedCoreSlowdown(iterations: 0))
    }

    /// Placements are the bench's round trips cut at gaps of more than 1.5×;
    /// one placement seen is one group, whatever its round trip.
    func testPlacementsAreTheRoundTripsCutAtTheirGaps() {
        XCTAssertEqual(CoreRoundTrip.placements([330, 76, 80, 120, 316, 480, 73]), [73...120, 316...480])
        XCTAssertEqual(CoreRoundTrip.placements([324, 330, 316]), [316...330])
        XCTAssertEqual(CoreRoundTrip.placements([100, 150, 225]), [100...225], "each within 1.5× of the one before")
        XCTAssertEqual(CoreRoundTrip.placements([100, 151]), [100...100, 151...151])
        XCTAssertEqual(CoreRoundTrip.placements([]), [])
    }

    func testRunsAreSplitByThePlacementOfBothTheirRoundTrips() {
        let figures: [Double] = [330, 250, 328, 290, 252, 335, 100, 185, 200, 333]
        let trips: [RunRoundTrip?] = [
            RunRoundTrip(before: 55, after: 60), RunRoundTrip(before: 340, after: 400),
            RunRoundTrip(before: 100, after: 95),
            RunRoundTrip(before: 60, after: 380),   // moved during the run: in neither
            RunRoundTrip(before: 310, after: 330),
            RunRoundTrip(before: 50, after: 70), nil,
            // One core's two hardware threads: as near as two cores, but a group of its own.
            RunRoundTrip(before: 60, after: 62, slowdownBefore: 1.9, slowdownAfter: 2.0),
            RunRoundTrip(before: 61, after: 60, slowdownBefore: 1.9, slowdownAfter: 1.1),  // changed
            RunRoundTrip(before: 64, after: 60, slowdownBefore: 1.0, slowdownAfter: 1.05),
        ]
        let placements = CoreRoundTrip.placements(trips.compactMap { $0 }.flatMap { [$0.before, $0.after] })
        XCTAssertEqual(placements, [50...100, 310...400])
        let split = CoreRoundTrip.split(figures: figures, roundTrips: trips, placements: placements)
        XCTAssertEqual(split.changed, 2)
        XCTAssertEqual(split.groups, [
            CorePlacementFigure(roundTripNanoseconds: 61, runs: 4, samplesPerSecond: 331.5, slowest: 328, fastest: 335),
            CorePlacementFigure(roundTripNanoseconds: 61, sharesOneCore: true, runs: 1, samplesPerSecond: 185,
                                slowest: 185, fastest: 185),
            CorePlacementFigure(roundTripNanoseconds: 345, runs: 2, samplesPerSecond: 251, slowest: 250, fastest: 252),
        ])
        let table = BenchmarkReport(training: [TrainingMeasurement(
            model: "mlp", samples: 8192, batchSize: 64, epochSeconds: [], samplesPerSecond: 290,
            runSamplesPerSecond: figures, epochCPUSeconds: [], samplesPerCPUSecond: 0, finalLoss: 0,
            gemmPath: "avx512", gemmThreads: 2, runRoundTrips: trips, placements: split.groups,
            placementChangedRuns: split.changed)], gemm: []).table()
        XCTAssertTrue(table.contains("  mlp, round trip 61 ns: 332 samples/s [328–335], 4 runs\n"
                                     + "  mlp, round trip 61 ns, one core shared: 185 samples/s [185–185], 1 run\n"
                                     + "  mlp, round trip 345 ns: 251 samples/s [250–252], 2 runs\n"
                                     + "  mlp: 2 runs during which the placement changed"), table)
    }

    /// The bench records a round trip pair per run, splits the runs, and the
    /// table prints the groups.
    func testTheBenchReportsItsRunsByPlacement() throws {
        let data = SyntheticMultiLabel(count: 64, prevalences: TrainingBenchmark.prevalences, seed: 4)
        let m = try TrainingBenchmark.measure([.mlp], data: data, repeats: 3, minimumSeconds: 0)[0]
        let trips = try XCTUnwrap(m.runRoundTrips)
        XCTAssertEqual(trips.count, 3)
        guard WorkerPool.shared.threadCount > 1, trips.allSatisfy({ $0 != nil }) else { return }
        let groups = try XCTUnwrap(m.placements)
        XCTAssertEqual(groups.reduce(0) { $0 + $1.runs } + (m.placementChangedRuns ?? 0), 3)
        XCTAssertEqual(groups.map(\.roundTripNanoseconds), groups.map(\.roundTripNanoseconds).sorted(), "nearest first")
        let table = BenchmarkReport(training: [m], gemm: []).table()
        XCTAssertTrue(groups.isEmpty || table.contains(String(format: "mlp, round trip %.0f ns: ", groups[0].roundTripNanoseconds)),
                      table)
    }
}
