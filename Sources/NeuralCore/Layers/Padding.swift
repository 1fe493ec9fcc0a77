/// Convolution padding (Keras names). `same` pads (k−1)/2 on each side for odd kernels,
/// so with stride 1 the output has the input's height and width.
public enum Padding: String, Sendable, Equatable {
    case valid, same
}
