// The host side of lessons.wasm: loads the module and trains (run, seed) pairs in it.
// Plain ECMAScript with no node imports, so a browser Web Worker can use it as is
// (hand it the module's bytes). Requests and answers are JSON text (see PairRun in
// Sources/PortableRun): {"run": …, "dataset": …} in, the RunResult out.

/// The module said no: status 1 a bad request, 3 an engine that does not fuse multiply-adds.
export class LessonsRefusal extends Error {
  constructor(status, message) {
    super(`lessons.wasm refused (status ${status}): ${message}`);
    this.status = status;
  }
}

export async function loadLessons(bytes) {
  // The module's one import: a millisecond clock (NeuralCore's timing; results never read it).
  const { instance } = await WebAssembly.instantiate(bytes, { lessons: { clock_ms: () => performance.now() } });
  const x = instance.exports;
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const bytesAt = (pointer, count) => new Uint8Array(x.memory.buffer, pointer, count);
  const copy = (text) => {
    const input = encoder.encode(text);
    const pointer = x.lessons_alloc(input.length);
    bytesAt(pointer, input.length).set(input);
    return [pointer, input.length];
  };
  const call = (entry, ...texts) => {
    const inputs = texts.map(copy);
    const status = entry(...inputs.flat());
    inputs.forEach(([pointer]) => x.lessons_free(pointer));
    if (status !== 0) {
      throw new LessonsRefusal(status, decoder.decode(bytesAt(x.lessons_error(), x.lessons_error_length()).slice()));
    }
  };
  return {
    /// Hands over the Fashion-MNIST images mosaics are drawn from (the gzipped site asset).
    fashionImages: (gzipped) => loadFashionImages(x, gzipped),
    /// True when relaxed_madd fuses here (the module refuses to train otherwise).
    fused: x.lessons_fma_is_fused() === 1,
    /// Trains one pair; the RunResult's JSON text.
    runPair(request) {
      call(x.lessons_run_pair, request);
      return decoder.decode(bytesAt(x.lessons_output(), x.lessons_output_length()).slice());
    },
    /// Any entry point that reads one JSON text and answers in `lessons_output`
    /// (the plan's resolver, the results' assembly); its answer's text.
    entry(name, text) {
      if (typeof x[name] !== "function") throw new LessonsRefusal(2, `${name} is not in this module (an older lessons.wasm: make wasm)`);
      call(x[name], text);
      return decoder.decode(bytesAt(x.lessons_output(), x.lessons_output_length()).slice());
    },
    /// The results sections re-rendered from results.json and the page context (`lessons_render_results`):
    /// {"afterBlock": {...}, "references": {...}} as text, the bytes `lessons run` writes.
    renderResults(results, context) {
      call(x.lessons_render_results, results, context);
      return decoder.decode(bytesAt(x.lessons_rendered(), x.lessons_rendered_length()).slice());
    },
    /// The rerun's results.json text from the published one and a request: the resolved
    /// parameters and claims, every pair, the retrained ones with their RunResult
    /// (`lessons_assemble_results`, see `Rerun`).
    assembleResults(published, request) {
      if (typeof x.lessons_assemble_results !== "function") throw new LessonsRefusal(2, "lessons_assemble_results is not in this module (an older lessons.wasm: make wasm)");
      call(x.lessons_assemble_results, published, request);
      return decoder.decode(bytesAt(x.lessons_assembled(), x.lessons_assembled_length()).slice());
    },
    /// A changed dataset's card from the published results.json and {"dataset": D}
    /// (`lessons_dataset_card`): its JSON text and the preview's pixels (a copy).
    datasetCard(published, request) {
      if (typeof x.lessons_dataset_card !== "function") throw new LessonsRefusal(2, "lessons_dataset_card is not in this module (an older lessons.wasm: make wasm)");
      call(x.lessons_dataset_card, published, request);
      return {
        card: decoder.decode(bytesAt(x.lessons_output(), x.lessons_output_length()).slice()),
        pixels: bytesAt(x.lessons_card_pixels(), x.lessons_card_pixels_length()).slice(),
      };
    },
    /// "What changed" between two results.json texts (`lessons_render_changes`): HTML text.
    renderChanges(before, after) {
      call(x.lessons_render_changes, before, after);
      return decoder.decode(bytesAt(x.lessons_rendered(), x.lessons_rendered_length()).slice());
    },
    /// The request's generated training split: images and labels as Float32Arrays.
    shapes(request) {
      call(x.lessons_shapes, request);
      const floats = (pointer, count) => new Float32Array(x.memory.buffer, pointer, count).slice();
      return {
        images: floats(x.lessons_shapes_images(), x.lessons_shapes_image_count()),
        labels: floats(x.lessons_shapes_labels(), x.lessons_shapes_label_count()),
      };
    },
  };
}

/// Fashion-MNIST for lessons that draw mosaics: the gzipped packed images (the string of the
/// site asset fashion-mnist.js, base64-decoded; raw packed bytes are taken as they are),
/// inflated with DecompressionStream (node ≥ 18, browsers) and copied into the module,
/// which keeps them for later pairs (lessons_fashion_images).
async function loadFashionImages(x, gzipped) {
  if (!x.lessons_fashion_images) throw new LessonsRefusal(1, "this lessons.wasm predates Fashion-MNIST mosaics (make wasm)");
  let bytes = new Uint8Array(gzipped);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  }
  const pointer = x.lessons_alloc(bytes.length);
  new Uint8Array(x.memory.buffer, pointer, bytes.length).set(bytes);
  const status = x.lessons_fashion_images(pointer, bytes.length);
  x.lessons_free(pointer);
  if (status !== 0) {
    const message = new TextDecoder().decode(new Uint8Array(x.memory.buffer, x.lessons_error(), x.lessons_error_length()).slice());
    throw new LessonsRefusal(status, message);
  }
}
