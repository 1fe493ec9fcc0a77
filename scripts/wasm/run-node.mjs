// Trains one (run, seed) pair in lessons.wasm under node and prints the results as
// JSON, every number as the hex of its bits, so native code can compare them exactly.
// Usage: node --experimental-wasm-relaxed-simd scripts/wasm/run-node.mjs MODULE.wasm '[flat config]' [--shapes]
// (the layout of the flat config is PairConfiguration's, Sources/PortableRun). With
// --shapes it only generates the Shapes training split and prints the FNV-1a hashes of
// its image and label bits.
// Exit status: 0 trained, 1 the module refused (message on stderr), 2 bad usage.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

const [modulePath, configText, mode] = process.argv.slice(2);
if (!modulePath || !configText) {
  console.error("usage: run-node.mjs MODULE.wasm '[flat config numbers]'");
  process.exit(2);
}
const config = JSON.parse(configText);
const { instance } = await WebAssembly.instantiate(readFileSync(modulePath), {
  lessons: { clock_ms: () => performance.now() },
});
const x = instance.exports;
const view = (Type, pointer, count) => new Type(x.memory.buffer, pointer, count);
const hex = (array, bytes) => Array.from(new Uint8Array(array.buffer, array.byteOffset, array.length * bytes))
  .reduce((words, byte, i) => {
    const w = Math.floor(i / bytes);
    words[w] = byte.toString(16).padStart(2, "0") + (words[w] ?? "");
    return words;
  }, []);

const fused = x.lessons_fma_is_fused();
const pointer = x.lessons_alloc(config.length * 8);
view(Float64Array, pointer, config.length).set(config);
const refuse = (status) => {
  const message = new TextDecoder().decode(view(Uint8Array, x.lessons_error(), x.lessons_error_length()));
  console.error(`lessons.wasm refused (status ${status}): ${message}`);
  process.exit(1);
};
/// FNV-1a (64 bits) over the bytes of a Float32Array, as PairRun hashes weights.
const fnv = (floats) => {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new Uint8Array(floats.buffer, floats.byteOffset, floats.length * 4)) {
    hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, "0");
};
if (mode === "--shapes") {
  const status = x.lessons_shapes(pointer, config.length);
  if (status !== 0) refuse(status);
  console.log(JSON.stringify({
    images: fnv(view(Float32Array, x.lessons_shapes_images(), x.lessons_shapes_image_count())),
    labels: fnv(view(Float32Array, x.lessons_shapes_labels(), x.lessons_shapes_label_count())),
    count: x.lessons_shapes_image_count(),
  }));
  process.exit(0);
}
const start = performance.now();
const status = x.lessons_train(pointer, config.length);
const seconds = (performance.now() - start) / 1000;
x.lessons_free(pointer);
if (status !== 0) refuse(status);
const scalars = [0, 1, 2, 3, 4].map((i) => x.lessons_result_scalar(i));
const weightsHash = ((BigInt(scalars[3]) << 32n) | BigInt(scalars[2])).toString(16).padStart(16, "0");
console.log(JSON.stringify({
  fused,
  seconds,
  stepLosses: hex(view(Float64Array, x.lessons_result_step_losses(), x.lessons_result_step_count()), 8),
  epochLosses: hex(view(Float64Array, x.lessons_result_epoch_losses(), x.lessons_result_epoch_count()), 8),
  testProbabilities: hex(view(Float32Array, x.lessons_result_probabilities(), x.lessons_result_probability_count()), 4),
  meanAveragePrecision: hex(new Float64Array([scalars[0]]), 8)[0],
  macroF1: hex(new Float64Array([scalars[1]]), 8)[0],
  weightsHash,
  diverged: scalars[4] === 1,
}));
