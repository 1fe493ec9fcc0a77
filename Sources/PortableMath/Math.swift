/// The project's own elementary functions, so trained numbers, generated data and rendered
/// metrics are the same bits on every platform (glibc, Apple's libm and wasi-libc differ by an
/// ulp on some inputs). Plain Swift on IEEE double arithmetic: no Foundation, no libm, no
/// fused multiply-add, so it compiles unchanged for Embedded Swift on wasm32.
///
/// Every function is faithfully rounded (error below 1 ulp) on its whole domain, with the
/// special values of C's Annex F; `Tests/PortableMathTests` checks this against mpmath.
/// `sqrt`, `abs`, `floor` and `rounded()` are exact IEEE operations and need no stand-in.
///
/// Everything is `@inlinable`: an optimised client (NeuralCore, Datasets) compiles the kernels
/// and their TwoSum/TwoProduct helpers into its own code, which a debug build of this target,
/// compiled file by file, could not inline.
public enum Math {}
