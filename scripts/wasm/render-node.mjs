// Re-renders a lesson's results sections in lessons.wasm under node, from the
// published results.json and the page context, and prints what the module returns:
// {"afterBlock": {...}, "references": {...}} (the bytes `lessons run` puts on the page).
// Usage: node --experimental-wasm-relaxed-simd scripts/wasm/render-node.mjs MODULE.wasm RESULTS.json CONTEXT.json
// Exit status: 0 rendered, 1 the module refused (message on stderr), 2 bad usage.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

const [modulePath, resultsPath, contextPath] = process.argv.slice(2);
if (!modulePath || !resultsPath || !contextPath) {
  console.error("usage: render-node.mjs MODULE.wasm RESULTS.json CONTEXT.json");
  process.exit(2);
}
const { instance } = await WebAssembly.instantiate(readFileSync(modulePath), {
  lessons: { clock_ms: () => performance.now() },
});
const x = instance.exports;
if (!x.lessons_render_results) {
  console.error(`${modulePath} has no lessons_render_results (an older module: make wasm)`);
  process.exit(3);
}
const copy = (bytes) => {
  const pointer = x.lessons_alloc(bytes.length);
  new Uint8Array(x.memory.buffer, pointer, bytes.length).set(bytes);
  return pointer;
};
const results = readFileSync(resultsPath), context = readFileSync(contextPath);
const r = copy(results), c = copy(context);
const status = x.lessons_render_results(r, results.length, c, context.length);
x.lessons_free(r);
x.lessons_free(c);
const text = (pointer, length) => new TextDecoder().decode(new Uint8Array(x.memory.buffer, pointer, length));
if (status !== 0) {
  console.error(`lessons.wasm refused (status ${status}): ${text(x.lessons_error(), x.lessons_error_length())}`);
  process.exit(1);
}
process.stdout.write(text(x.lessons_rendered(), x.lessons_rendered_length()));
