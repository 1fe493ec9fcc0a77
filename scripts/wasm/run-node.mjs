// Trains one (run, seed) pair in lessons.wasm under node: the request JSON on standard
// input ({"run": …, "dataset": …}, see PairRun in Sources/PortableRun), the RunResult
// JSON on standard output. With --shapes it only generates the Shapes training split
// and prints the FNV-1a hashes of its image and label bits. --fashion FILE hands the module
// the Fashion-MNIST images mosaics are drawn from (the site asset fashion-mnist.js, whose
// string is the gzipped items in base64; or a gzipped or packed file).
// Usage: node --experimental-wasm-relaxed-simd scripts/wasm/run-node.mjs MODULE.wasm [--fashion FILE] [--shapes] < request.json
// Exit status: 0 done, 1 the module refused (message on stderr), 2 bad usage.
import { readFileSync } from "node:fs";
import { loadLessons, LessonsRefusal } from "./lessons-host.mjs";

const args = process.argv.slice(2);
const fashionAt = args.indexOf("--fashion");
const fashionPath = fashionAt >= 0 ? args.splice(fashionAt, 2)[1] : undefined;
const [modulePath, mode] = args;
if (!modulePath || (mode && mode !== "--shapes") || (fashionAt >= 0 && !fashionPath) || args.length > 2) {
  console.error("usage: run-node.mjs MODULE.wasm [--fashion FILE] [--shapes] < request.json");
  process.exit(2);
}
const request = readFileSync(0, "utf8");
const lessons = await loadLessons(readFileSync(modulePath));

/// FNV-1a (64 bits) over the bytes of a Float32Array.
const fnv = (floats) => {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new Uint8Array(floats.buffer, floats.byteOffset, floats.length * 4)) {
    hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, "0");
};
/// The gzipped items of the asset script (`self.lessonsFashion = "<base64>";`), or the file as it is.
function fashionBytes(file) {
  const script = /^\/\/[^\n]*\nself\.lessonsFashion = "([A-Za-z0-9+/=]*)";\n$/.exec(file[0] === 0x2f ? file.toString("latin1") : "");
  return script ? Buffer.from(script[1], "base64") : file;
}
try {
  if (fashionPath) await lessons.fashionImages(fashionBytes(readFileSync(fashionPath)));
  if (mode === "--shapes") {
    const { images, labels } = lessons.shapes(request);
    console.log(JSON.stringify({ images: fnv(images), labels: fnv(labels), count: images.length }));
  } else {
    process.stdout.write(lessons.runPair(request) + "\n");
  }
} catch (error) {
  if (!(error instanceof LessonsRefusal)) throw error;
  console.error(error.message);
  process.exit(1);
}
