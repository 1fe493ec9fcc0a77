// Re-renders a lesson's results sections in lessons.wasm under node, from the
// published results.json and the page context, and prints what the module returns:
// {"afterBlock": {...}, "references": {...}} (the bytes `lessons run` puts on the page).
// Usage: node --experimental-wasm-relaxed-simd scripts/wasm/render-node.mjs MODULE.wasm RESULTS.json CONTEXT.json
// Exit status: 0 rendered, 1 the module refused (message on stderr), 2 bad usage, 3 an older module.
import { callWithTwoTexts } from "./two-texts.mjs";

await callWithTwoTexts("render-node.mjs", "lessons_render_results", "lessons_rendered", process.argv.slice(2),
  "MODULE.wasm RESULTS.json CONTEXT.json");
