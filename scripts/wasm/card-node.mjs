// A dataset card made in lessons.wasm under node after a rerun changed the data: from the
// published results.json and {"dataset": D}, prints the card's JSON (lessons_dataset_card), a
// new line, and the preview's pixels (lessons_card_pixels) in base64.
// Usage: node --experimental-wasm-relaxed-simd scripts/wasm/card-node.mjs MODULE.wasm RESULTS.json CARD.json
// Exit status: 0 done, 1 the module refused (message on stderr), 2 bad usage, 3 no such entry point.
import { callWithTwoTexts } from "./two-texts.mjs";

await callWithTwoTexts("card-node.mjs", "datasetCard", process.argv.slice(2), "MODULE.wasm RESULTS.json CARD.json",
  ({ card, pixels }) => card + "\n" + Buffer.from(pixels).toString("base64"));
