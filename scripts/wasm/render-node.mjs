// Re-renders a lesson's results sections in lessons.wasm under node, from the
// published results.json and the page context, and prints what the module returns:
// {"afterBlock": {...}, "references": {...}} (the bytes `lessons run` puts on the page);
// with --changes, the "What changed" box between two results.json files (HTML).
// Usage: node --experimental-wasm-relaxed-simd scripts/wasm/render-node.mjs MODULE.wasm RESULTS.json CONTEXT.json
//        node --experimental-wasm-relaxed-simd scripts/wasm/render-node.mjs MODULE.wasm --changes BEFORE.json AFTER.json
// Exit status: 0 rendered, 1 the module refused (message on stderr), 2 bad usage, 3 an older module.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { loadLessons } from "./lessons-host.mjs";

globalThis.performance ??= performance;
const [modulePath, ...rest] = process.argv.slice(2);
const changes = rest[0] === "--changes";
const [first, second] = changes ? rest.slice(1) : rest;
if (!modulePath || !first || !second) {
  console.error("usage: render-node.mjs MODULE.wasm (RESULTS.json CONTEXT.json | --changes BEFORE.json AFTER.json)");
  process.exit(2);
}
const lessons = await loadLessons(readFileSync(modulePath));
const entry = changes ? "renderChanges" : "renderResults";
try {
  process.stdout.write(lessons[entry](readFileSync(first, "utf8"), readFileSync(second, "utf8")));
} catch (error) {
  if (error instanceof TypeError) {
    console.error(`${modulePath} cannot ${entry} (an older module: make wasm): ${error.message}`);
    process.exit(3);
  }
  console.error(error.message);
  process.exit(1);
}
