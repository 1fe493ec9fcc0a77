// Reassembles a lesson's results.json in lessons.wasm under node after a rerun: from the
// published results.json and a request (the resolved parameters and claims, every
// (run, seed) pair, the retrained ones with their RunResult), and prints the results.json
// text the module returns (the bytes `lessons run --set ...` writes).
// Usage: node --experimental-wasm-relaxed-simd scripts/wasm/assemble-node.mjs MODULE.wasm RESULTS.json REQUEST.json
// Exit status: 0 assembled, 1 the module refused (message on stderr), 2 bad usage, 3 no such entry point.
import { callWithTwoTexts } from "./two-texts.mjs";

await callWithTwoTexts("assemble-node.mjs", "assembleResults", process.argv.slice(2),
  "MODULE.wasm RESULTS.json REQUEST.json");
