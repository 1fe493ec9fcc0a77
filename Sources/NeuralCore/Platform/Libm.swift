#if hasFeature(Embedded)
// The math functions of the Embedded Swift (wasm32) build, from wasi-libc's libm until
// the project's own functions (issue 23, item 2) replace them on both targets. Natively
// the same names come from Foundation (glibc); the two agree to the last bit on most,
// not all, inputs. This file is the only place wasm's math comes from.
@_extern(c, "exp") public func exp(_ x: Double) -> Double
@_extern(c, "log") public func log(_ x: Double) -> Double
@_extern(c, "log1p") public func log1p(_ x: Double) -> Double
@_extern(c, "pow") public func pow(_ x: Double, _ y: Double) -> Double
@_extern(c, "sin") public func sin(_ x: Double) -> Double
@_extern(c, "cos") public func cos(_ x: Double) -> Double
#endif
