import PlanResolution

// A lesson's plan resolved with parameter values: a host passes a request (UTF-8 JSON,
// `{"plan": <plan.json>, "set": [[name, Swift source], ...]}`, see `ResolveRequest`) and
// reads the answer through `lessons_output` (scripts/wasm/resolve-node.mjs).

/// Resolves. Status: always 0; bad values and bad requests are the answer's `errors`.
@_expose(wasm, "lessons_resolve_plan") @_cdecl("lessons_resolve_plan")
public func lessonsResolvePlan(_ request: UnsafePointer<UInt8>, _ count: Int32) -> Int32 {
    lastOutput = Array(ResolveRequest.answer(requestBytes(request, count)).utf8)
    return 0
}
