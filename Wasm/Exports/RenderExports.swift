import ResultsRendering

// The results renderer's entry point: a host passes a lesson's published results.json
// and its page context (UTF-8 bytes in linear memory), and reads back the sections as
// JSON, {"afterBlock": {"3": "<section…>"}, "references": {…}}, the bytes `lessons run`
// writes (scripts/wasm/render-node.mjs drives it).

/// The last rendering, kept alive for the host to read.
nonisolated(unsafe) private var lastRendered: [UInt8] = []

/// Renders. Status: 0 done (`lessons_rendered`), 1 unreadable input (`lessons_error` says where).
@_expose(wasm, "lessons_render_results") @_cdecl("lessons_render_results")
public func lessonsRenderResults(_ results: UnsafePointer<UInt8>, _ resultsLength: Int32,
                                 _ context: UnsafePointer<UInt8>, _ contextLength: Int32) -> Int32 {
    lastRendered = []
    do {
        let sections = try PublishedResultsPage.sections(
            resultsJSON: Array(UnsafeBufferPointer(start: results, count: Int(resultsLength))),
            contextJSON: Array(UnsafeBufferPointer(start: context, count: Int(contextLength))))
        lastRendered = Array(sections.render().json.utf8)
        return 0
    } catch {
        lastError = Array(error.message.utf8)
        return 1
    }
}

@_expose(wasm, "lessons_rendered") @_cdecl("lessons_rendered")
public func lessonsRendered() -> UnsafeRawPointer? { address(lastRendered) }
@_expose(wasm, "lessons_rendered_length") @_cdecl("lessons_rendered_length")
public func lessonsRenderedLength() -> Int32 { Int32(lastRendered.count) }

/// The "What changed" box between the published `results.json` and the rerun's (both
/// UTF-8 in linear memory): the HTML is then `lessons_rendered`. Status 0 done, 1 unreadable input.
@_expose(wasm, "lessons_render_changes") @_cdecl("lessons_render_changes")
public func lessonsRenderChanges(_ before: UnsafePointer<UInt8>, _ beforeLength: Int32,
                                 _ after: UnsafePointer<UInt8>, _ afterLength: Int32) -> Int32 {
    lastRendered = []
    do {
        lastRendered = Array(try WhatChangedView.html(
            beforeJSON: Array(UnsafeBufferPointer(start: before, count: Int(beforeLength))),
            afterJSON: Array(UnsafeBufferPointer(start: after, count: Int(afterLength)))).utf8)
        return 0
    } catch {
        lastError = Array(error.message.utf8)
        return 1
    }
}
