// Re-renders a lesson's results sections in lessons.wasm under node, from the
// published results.json and the page context, and prints what the module returns:
// {"afterBlock": {...}, "references": {...}} (the bytes `lessons run` puts on the page);
// with --changes, the "What changed" box between two results.json files (HTML).
// Usage: node --experimental-wasm-relaxed-simd scripts/wasm/render-node.mjs MODULE.wasm RESULTS.json CONTEXT.json
//        node --experimental-wasm-relaxed-simd scripts/wasm/render-node.mjs MODULE.wasm --changes BEFORE.json AFTER.json
// Exit status: 0 rendered, 1 the module refused (message on stderr), 2 bad usage, 3 an older module.
import { callWithTwoTexts } from "./two-texts.mjs";

const [modulePath, ...rest] = process.argv.slice(2);
const changes = rest[0] === "--changes";
await callWithTwoTexts("render-node.mjs", changes ? "renderChanges" : "renderResults",
  [modulePath, ...(changes ? rest.slice(1) : rest)],
  "MODULE.wasm (RESULTS.json CONTEXT.json | --changes BEFORE.json AFTER.json)");
