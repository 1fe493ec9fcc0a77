#if hasFeature(Embedded)
/// The host's monotonic clock (JavaScript: `performance.now()`), the only function a
/// wasm module imports.
@_extern(wasm, module: "lessons", name: "clock_ms")
@_extern(c)
func hostClockMilliseconds() -> Double

/// Nanoseconds of a monotonic clock, for timing only (never for results).
@inline(__always) func monotonicNanoseconds() -> UInt64 { UInt64(hostClockMilliseconds() * 1e6) }
#else
import Dispatch

/// Nanoseconds of a monotonic clock, for timing only (never for results).
@inline(__always) func monotonicNanoseconds() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
#endif
