// Calls one of lessons.wasm's entry points that take texts (a results.json and a second
// input, or one request) under node, and prints the text it returns. The shared body of
// render-node.mjs, assemble-node.mjs and resolve-node.mjs.
// Exit status: 0 done, 1 the module refused (message on stderr), 2 bad usage, 3 no such entry point.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

export async function callWithTwoTexts(script, entry, output, [modulePath, firstPath, secondPath], usage) {
  await callWithTexts(script, entry, output, modulePath, [firstPath, secondPath], 2, usage);
}

// The same with `count` texts (each passed as pointer, length).
export async function callWithTexts(script, entry, output, modulePath, paths, count, usage) {
  if (!modulePath || paths.slice(0, count).some((p) => !p)) {
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
  const texts = paths.slice(0, count).map((p) => readFileSync(p));
  const pointers = texts.map(copy);
  const status = x[entry](...texts.flatMap((t, i) => [pointers[i], t.length]));
  pointers.forEach((p) => x.lessons_free(p));
  const text = (pointer, length) => new TextDecoder().decode(new Uint8Array(x.memory.buffer, pointer, length));
  if (status !== 0) {
    console.error(`lessons.wasm refused (status ${status}): ${text(x.lessons_error(), x.lessons_error_length())}`);
    process.exit(1);
  }
  process.stdout.write(text(x[output](), x[`${output}_length`]()));
}
