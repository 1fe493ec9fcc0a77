/// The plan resolver, its values' rules and the diagnostics are their own portable target
/// (native and WebAssembly); every user of LessonKit sees them as part of LessonKit.
@_exported import PlanResolution
