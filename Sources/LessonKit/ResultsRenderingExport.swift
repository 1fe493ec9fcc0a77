/// The results renderer is its own portable target (native and WebAssembly); every
/// user of LessonKit (and LessonKit's own files) sees it as part of LessonKit.
@_exported import ResultsRendering
