import SIMDKernels

/// The NHWC max-pool loops over a batch: each image pooled by `MaxPoolImage`
/// on the kernel path's vectors (ties, NaNs and the ReLU rule are there).
/// `argmax` holds each output's absolute input index, for the backward scatter.
/// Images are independent, so batches run on two threads with the same bits.
///
/// With `appliesReLU` the kernel is ReLU followed by max-pooling in one pass
/// (`Sequential` fuses the pair): max commutes with ReLU, so it pools the raw
/// values and clamps the maximum, which is the same bits as pooling the clamped
/// values. Backward, a window's gradient goes to its maximum only when that
/// maximum was positive (ReLU's derivative there); otherwise the whole window
/// gets zero, as it would through the unfused pair.
struct MaxPoolKernel {
    var height: Int, width: Int, channels: Int
    var outHeight: Int, outWidth: Int, poolSize: Int
    var appliesReLU = false

    func forward(_ x: UnsafePointer<Float>, batch: Int, output y: UnsafeMutablePointer<Float>,
                 argmax am: UnsafeMutablePointer<Int32>) {
        let (inSize, outSize) = (inputSize, outputSize)
        parallelChunks(batch, minimumChunk: 8) { images in
            for n in images {
                forward(image: x + n * inSize, indexBase: n * inSize, output: y + n * outSize, argmax: am + n * outSize)
            }
        }
    }

    /// Floats in one input image and in one output image.
    var inputSize: Int { height * width * channels }
    var outputSize: Int { outHeight * outWidth * channels }

    /// Pools one image: `x`, `y` and `am` point at that image's input, output
    /// and argmax; argmax holds `indexBase` plus the index within the image.
    func forward(image x: UnsafePointer<Float>, indexBase: Int, output y: UnsafeMutablePointer<Float>,
                 argmax am: UnsafeMutablePointer<Int32>) {
        image.forward(image: x, indexBase: indexBase, output: y, argmax: am)
    }

    /// The per-image loops, on the kernel path's vectors.
    var image: MaxPoolImage {
        MaxPoolImage(height: height, width: width, channels: channels, outHeight: outHeight, outWidth: outWidth,
                     poolSize: poolSize, appliesReLU: appliesReLU)
    }

    /// Each input gradient is its window's output gradient at the argmax, else
    /// zero (see `MaxPoolImage.backward`); image by image, since an image's
    /// argmaxes all lie inside that image.
    func backward(_ dy: UnsafePointer<Float>, argmax am: UnsafePointer<Int32>, batch: Int, inputGradient dx: UnsafeMutablePointer<Float>) {
        let inSize = inputSize
        parallelChunks(batch, minimumChunk: 8) { images in
            backward(dy, argmax: am, images: images,
                     inputGradient: dx + images.lowerBound * inSize, indexBase: images.lowerBound * inSize)
        }
    }

    /// The backward pass of `images` only, into `dx`, which holds their input
    /// gradient and starts at absolute input index `indexBase`.
    func backward(_ dy: UnsafePointer<Float>, argmax am: UnsafePointer<Int32>,
                  images: Range<Int>, inputGradient dx: UnsafeMutablePointer<Float>, indexBase: Int) {
        let (inSize, outSize, image) = (inputSize, outputSize, self.image)
        for n in images {
            let o = n * outSize
            image.backward(gradient: dy + o, argmax: am + o, indexBase: n * inSize,
                           into: dx + (n * inSize - indexBase))
        }
    }
}
