#if hasFeature(Embedded)
/// The host's clock (JavaScript: `performance.now()`), the module's one import.
@_extern(wasm, module: "lessons", name: "clock_ms")
@_extern(c)
private func hostClockMilliseconds() -> Double
#else
import Foundation
#endif

/// The clock a run's timings are read from, and nothing else: results never depend on
/// it. Natively `Date`; in WebAssembly the host's clock.
public struct RunClock: Sendable {
    /// Seconds since any fixed moment.
    public var seconds: @Sendable () -> Double

    public init(seconds: @escaping @Sendable () -> Double) { self.seconds = seconds }

    /// Always 0: timings of 0 seconds.
    public static let stopped = RunClock { 0 }

    #if hasFeature(Embedded)
    public static let standard = RunClock { hostClockMilliseconds() / 1000 }
    #else
    public static let standard = RunClock { Date().timeIntervalSinceReferenceDate }
    #endif
}
