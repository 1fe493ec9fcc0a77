// Resolves a lesson's plan with --set values in lessons.wasm under node: from a request
// ({"plan": <plan.json>, "set": [[name, Swift source], ...]}), prints the module's answer
// (the errors, each "line:col: message" as `lessons run --set` prints it, or the resolved values).
// Usage: node --experimental-wasm-relaxed-simd scripts/wasm/resolve-node.mjs MODULE.wasm REQUEST.json
// Exit status: 0 answered, 1 the module refused (message on stderr), 2 bad usage, 3 no such entry point.
import { callWithTexts } from "./two-texts.mjs";

const [modulePath, requestPath] = process.argv.slice(2);
await callWithTexts("resolve-node.mjs", "lessons_resolve_plan", "lessons_output", modulePath, [requestPath], 1, "MODULE.wasm REQUEST.json");
