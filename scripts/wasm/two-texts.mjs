// Calls one of lessons.wasm's entry points that take two texts (a results.json and a
// second input) under node, through the host (lessons-host.mjs), and prints the text it
// returns. The shared body of render-node.mjs, assemble-node.mjs and card-node.mjs (whose
// `format` adds the pixels).
// Exit status: 0 done, 1 the module refused (message on stderr), 2 bad usage, 3 no such entry point.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { loadLessons, LessonsRefusal } from "./lessons-host.mjs";

globalThis.performance ??= performance;

/// `method` is the host's name for the call (renderResults, renderChanges, assembleResults,
/// datasetCard); `format` turns its answer into the text printed.
export async function callWithTwoTexts(script, method, [modulePath, firstPath, secondPath], usage, format = (answer) => answer) {
  if (!modulePath || !firstPath || !secondPath) {
    console.error(`usage: ${script} ${usage}`);
    process.exit(2);
  }
  const lessons = await loadLessons(readFileSync(modulePath));
  try {
    process.stdout.write(format(lessons[method](readFileSync(firstPath, "utf8"), readFileSync(secondPath, "utf8"))));
  } catch (error) {
    if (!(error instanceof LessonsRefusal) || error.status === 2) {
      console.error(`${modulePath} cannot ${method} (an older module: make wasm): ${error.message}`);
      process.exit(3);
    }
    console.error(error.message);
    process.exit(1);
  }
}
