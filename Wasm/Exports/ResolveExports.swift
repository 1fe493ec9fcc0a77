import PlanResolution

// A lesson's plan resolved with the values a student typed: the host passes
// {"plan": <plan.json>, "set": [[name, value], ...], "dataFiles": <results.json's, when mosaics>}
// and reads the answer (`ResolutionAnswer`: the parameters, claims and every pair with its
// cache key, spec and lessons_run_pair request, or the located errors) from `lessons_output`
// (scripts/wasm/resolve-node.mjs; the browser panel).

/// Resolves. Status 0: answered (bad values are an answer, `{"errors": [...]}`).
@_expose(wasm, "lessons_resolve_plan") @_cdecl("lessons_resolve_plan")
public func lessonsResolvePlan(_ request: UnsafePointer<UInt8>, _ count: Int32) -> Int32 {
    lastOutput = Array(RerunResolution.moduleAnswer(requestBytes(request, count)).utf8)
    return 0
}
