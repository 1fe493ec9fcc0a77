/// Claims and their checking are their own portable target (native and WebAssembly);
/// every user of LessonKit sees them as part of LessonKit.
@_exported import Claims
