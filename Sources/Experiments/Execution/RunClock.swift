#if !hasFeature(Embedded)
import Foundation
#endif

/// The clock a run's timings are read from, and nothing else: results never depend on
/// it. Natively `Date`; in WebAssembly there is no clock unless the host passes one,
/// so timings are 0 there.
public struct RunClock: Sendable {
    /// Seconds since any fixed moment.
    public var seconds: @Sendable () -> Double

    public init(seconds: @escaping @Sendable () -> Double) { self.seconds = seconds }

    /// Always 0: timings of 0 seconds.
    public static let stopped = RunClock { 0 }

    #if hasFeature(Embedded)
    public static let standard = stopped
    #else
    public static let standard = RunClock { Date().timeIntervalSinceReferenceDate }
    #endif
}
