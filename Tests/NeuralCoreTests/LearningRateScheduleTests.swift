import XCTest
@testable import NeuralCore

/// Schedules against optax, PyTorch and Keras (`training-options.json`), per optimizer step.
final class LearningRateScheduleTests: XCTestCase {
    static func schedule(_ spec: [String: Any]) -> LearningRateSchedule {
        let decay: LearningRateSchedule.Decay
        switch spec.string("decay") {
        case "step": decay = .step(every: spec.int("every"), factor: spec.double("factor"))
        case "cosine": decay = .cosine(steps: spec.int("steps"), alpha: spec.double("alpha"))
        default: decay = .constant
        }
        return LearningRateSchedule(decay: decay, warmup: spec.int("warmup_steps"), warmupStart: spec.double("warmup_start"))
    }

    func testAgainstTheLibraries() throws {
        let cases = try TrainingOptionsFixture.load().section("schedules")
        XCTAssertEqual(cases.count, 20, "fixture cases")
        var libraries = Set<String>()
        for c in cases {
            let id = c.string("id"), spec = c["schedule"] as! [String: Any]
            let schedule = Self.schedule(spec), base = spec.double("base")
            let values = c.doubles("values"), checked = c.int("steps_checked")
            XCTAssertNoThrow(try schedule.validate(), id)
            let ours = (0..<values.count).map { base * schedule.factor(atStep: $0) }
            assertClose(Array(ours[..<checked]), Array(values[..<checked]), rtol: 1e-5, atol: { _ in 1e-12 }, id)
            let rates = (0..<checked).map { Double(schedule.rate(base: Float(base), step: $0)) }
            assertClose(rates, Array(values[..<checked]), rtol: 1e-5, atol: { _ in 1e-12 }, "\(id) as Float")
            if checked < values.count {
                // PyTorch's CosineAnnealingLR climbs back after T_max; optax and Keras (and we) hold α·r.
                for t in checked..<values.count {
                    XCTAssertGreaterThan(values[t], ours[t] + 1e-4, "\(id): PyTorch past T_max at step \(t)")
                    XCTAssertEqual(ours[t], ours[checked - 1], accuracy: 1e-12, "\(id): flat after T")
                }
            }
            libraries.insert(c.string("library"))
        }
        XCTAssertEqual(libraries, ["optax", "torch", "keras"])
    }

    func testEpochUnitsBecomeSteps() {
        let s = LearningRateSchedule(decay: .cosine(steps: 3, alpha: 0.1), warmup: 2, warmupStart: 0.5, unit: .epochs)
        let steps = s.inSteps(stepsPerEpoch: 5)
        XCTAssertEqual(steps, LearningRateSchedule(decay: .cosine(steps: 15, alpha: 0.1), warmup: 10, warmupStart: 0.5))
        XCTAssertEqual(LearningRateSchedule.step(every: 2, factor: 0.5, unit: .epochs).inSteps(stepsPerEpoch: 4).decay,
                       .step(every: 8, factor: 0.5))
        XCTAssertEqual(steps.factor(atStep: 0), 0.5)
        XCTAssertEqual(steps.factor(atStep: 10), 1)
        XCTAssertEqual(steps.factor(atStep: 25), 0.1, accuracy: 1e-15)
    }

    func testBadSchedulesAreErrors() {
        XCTAssertThrowsError(try LearningRateSchedule.step(every: 0, factor: 0.5).validate())
        XCTAssertThrowsError(try LearningRateSchedule.step(every: 2, factor: 1.5).validate())
        XCTAssertThrowsError(try LearningRateSchedule.cosine(steps: 0).validate())
        XCTAssertThrowsError(try LearningRateSchedule.cosine(steps: 5, alpha: 2).validate())
        XCTAssertThrowsError(try LearningRateSchedule(warmup: -1).validate())
        XCTAssertThrowsError(try LearningRateSchedule(warmup: 3, warmupStart: 1.5).validate())
    }
}
