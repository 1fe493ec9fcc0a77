// Resolves lessons' plans with typed values in lessons.wasm under node (`lessons_resolve_plan`):
// each REQUEST.json is {"plan": <plan.json>, "set": [[name, value], ...]}; prints each answer
// (one line of JSON: the parameters, claims and pairs, or the errors), in order.
// Usage: node --experimental-wasm-relaxed-simd scripts/wasm/resolve-node.mjs MODULE.wasm REQUEST.json...
// Exit status: 0 answered, 1 the module refused (message on stderr), 2 bad usage, 3 no such entry point.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

const [modulePath, ...requests] = process.argv.slice(2);
if (!modulePath || requests.length === 0) {
  console.error("usage: resolve-node.mjs MODULE.wasm REQUEST.json...");
  process.exit(2);
}
const { instance } = await WebAssembly.instantiate(readFileSync(modulePath), { lessons: { clock_ms: () => performance.now() } });
const x = instance.exports;
if (!x.lessons_resolve_plan) {
  console.error(`${modulePath} has no lessons_resolve_plan (an older module: make wasm)`);
  process.exit(3);
}
const text = (pointer, length) => new TextDecoder().decode(new Uint8Array(x.memory.buffer, pointer, length));
const answers = requests.map((path) => {
  const bytes = readFileSync(path);
  const pointer = x.lessons_alloc(bytes.length);
  new Uint8Array(x.memory.buffer, pointer, bytes.length).set(bytes);
  const status = x.lessons_resolve_plan(pointer, bytes.length);
  x.lessons_free(pointer);
  if (status !== 0) {
    console.error(`lessons.wasm refused ${path} (status ${status}): ${text(x.lessons_error(), x.lessons_error_length())}`);
    process.exit(1);
  }
  return text(x.lessons_output(), x.lessons_output_length());
});
process.stdout.write(answers.join("\n"));
