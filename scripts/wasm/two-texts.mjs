// Calls one of lessons.wasm's entry points that take two texts (a results.json and a
// second input) under node, and prints the text it returns. The shared body of
// render-node.mjs, assemble-node.mjs and card-node.mjs (whose `more` adds the pixels).
// Exit status: 0 done, 1 the module refused (message on stderr), 2 bad usage, 3 no such entry point.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

export async function callWithTwoTexts(script, entry, output, [modulePath, firstPath, secondPath], usage, more = null) {
  if (!modulePath || !firstPath || !secondPath) {
    console.error(`usage: ${script} ${usage}`);
    process.exit(2);
  }
  const { instance } = await WebAssembly.instantiate(readFileSync(modulePath), {
    lessons: { clock_ms: () => performance.now() },
  });
  const x = instance.exports;
  if (!x[entry]) {
    console.error(`${modulePath} has no ${entry} (an older module: make wasm)`);
    process.exit(3);
  }
  const copy = (bytes) => {
    const pointer = x.lessons_alloc(bytes.length);
    new Uint8Array(x.memory.buffer, pointer, bytes.length).set(bytes);
    return pointer;
  };
  const first = readFileSync(firstPath), second = readFileSync(secondPath);
  const a = copy(first), b = copy(second);
  const status = x[entry](a, first.length, b, second.length);
  x.lessons_free(a);
  x.lessons_free(b);
  const text = (pointer, length) => new TextDecoder().decode(new Uint8Array(x.memory.buffer, pointer, length));
  if (status !== 0) {
    console.error(`lessons.wasm refused (status ${status}): ${text(x.lessons_error(), x.lessons_error_length())}`);
    process.exit(1);
  }
  process.stdout.write(text(x[output](), x[`${output}_length`]()) + (more ? more(x) : ""));
}
