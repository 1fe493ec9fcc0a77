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
  const call = (entry, text) => {
    const input = encoder.encode(text);
    const pointer = x.lessons_alloc(input.length);
    bytesAt(pointer, input.length).set(input);
    const status = entry(pointer, input.length);
    x.lessons_free(pointer);
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

/// Fashion-MNIST for lessons that draw mosaics: the site asset fashion-mnist-04.bin.gz
/// (bytes of the packed images, gzipped; raw packed bytes are taken as they are),
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
