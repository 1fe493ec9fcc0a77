// A dataset card made in lessons.wasm under node after a rerun changed the data: from the
// published results.json and {"dataset": D}, prints the card's JSON (lessons_dataset_card), a
// new line, and the preview's pixels (lessons_card_pixels) in base64.
// Usage: node --experimental-wasm-relaxed-simd scripts/wasm/card-node.mjs MODULE.wasm RESULTS.json CARD.json
// Exit status: 0 done, 1 the module refused (message on stderr), 2 bad usage, 3 no such entry point.
import { callWithTwoTexts } from "./two-texts.mjs";

await callWithTwoTexts("card-node.mjs", "lessons_dataset_card", "lessons_output", process.argv.slice(2),
  "MODULE.wasm RESULTS.json CARD.json", (x) => {
    const pixels = new Uint8Array(x.memory.buffer, x.lessons_card_pixels(), x.lessons_card_pixels_length());
    return "\n" + Buffer.from(pixels).toString("base64");
  });
