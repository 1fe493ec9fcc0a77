// Reassembles a lesson's results.json in lessons.wasm under node after a rerun: from the
// published results.json and a request (the resolved parameters and claims, every
// (run, seed) pair, the retrained ones with their RunResult), and prints the results.json
// text the module returns (the bytes `lessons run --set ...` writes).
// Usage: node --experimental-wasm-relaxed-simd scripts/wasm/assemble-node.mjs MODULE.wasm RESULTS.json REQUEST.json
// Exit status: 0 assembled, 1 the module refused (message on stderr), 2 bad usage, 3 no such entry point.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

const [modulePath, resultsPath, requestPath] = process.argv.slice(2);
if (!modulePath || !resultsPath || !requestPath) {
  console.error("usage: assemble-node.mjs MODULE.wasm RESULTS.json REQUEST.json");
  process.exit(2);
}
const { instance } = await WebAssembly.instantiate(readFileSync(modulePath), {
  lessons: { clock_ms: () => performance.now() },
});
const x = instance.exports;
if (!x.lessons_assemble_results) {
  console.error(`${modulePath} has no lessons_assemble_results (an older module: make wasm)`);
  process.exit(3);
}
const copy = (bytes) => {
  const pointer = x.lessons_alloc(bytes.length);
  new Uint8Array(x.memory.buffer, pointer, bytes.length).set(bytes);
  return pointer;
};
const results = readFileSync(resultsPath), request = readFileSync(requestPath);
const r = copy(results), q = copy(request);
const status = x.lessons_assemble_results(r, results.length, q, request.length);
x.lessons_free(r);
x.lessons_free(q);
const text = (pointer, length) => new TextDecoder().decode(new Uint8Array(x.memory.buffer, pointer, length));
if (status !== 0) {
  console.error(`lessons.wasm refused (status ${status}): ${text(x.lessons_error(), x.lessons_error_length())}`);
  process.exit(1);
}
process.stdout.write(text(x.lessons_assembled(), x.lessons_assembled_length()));
