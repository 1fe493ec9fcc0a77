/// Identifies the numerical behaviour of NeuralCore (initialisers, layer maths, losses,
/// optimizers, metrics, training loop). Cached results key on it, so bump it whenever a
/// change can alter any trained number or metric.
public let numericsVersion = "neuralcore-4"
