/// Claims and their checking are their own portable target (native and WebAssembly);
/// every user of LessonKit sees them as part of LessonKit.
@_exported import Claims
/// So is the assembly of `results.json` from runs and claims.
@_exported import ResultsAssembly
