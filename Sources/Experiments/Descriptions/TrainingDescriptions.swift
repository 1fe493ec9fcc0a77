/// Descriptions of the training vocabulary: heads, losses, weighting,
/// optimizers, thresholds and the output-bias initialisation.
extension APICatalog {
    static let weightsLimits = Limits(min: 0, max: 1e6, minCount: 1, maxCount: APICatalog.maxLabels)

    static let head = APITypeDescription("Head", doc: "How logits become probabilities.", members: [
        .plain("sigmoid", Head.sigmoid, doc: "One independent yes/no per label: right for multi-label data."),
        .plain("softmax", Head.softmax, doc: "One distribution over all labels: labels compete for one unit of probability."),
    ])

    static let posWeight = APITypeDescription(
        "PosWeight", doc: "Per-label weight of the positive term of binary cross-entropy (TF/PyTorch `pos_weight`).",
        members: [
            .plain("none", PosWeight.none, doc: "Every positive counts once."),
            .plain("balanced", PosWeight.balanced, doc: "negatives / positives of each label in the training split."),
            APIMember("balanced", [APIArgument("scale", .double, limits: .positive(max: 1000),
                                               doc: "Multiplies the balanced weight.")],
                      doc: "The balanced weight times `scale`.") { .scaledBalanced(scale: $0.double("scale")) as PosWeight },
            APIMember("fixed", [APIArgument(nil, name: "weights", .array(.double), limits: weightsLimits,
                                            doc: "One weight per label, in label order.")],
                      doc: "Given weights.") { .fixed($0.doubles("weights")) as PosWeight },
        ])

    static let classWeight = APITypeDescription(
        "ClassWeight", doc: "Per-class weights of softmax cross-entropy (PyTorch `CrossEntropyLoss(weight=)`).",
        members: [
            .plain("none", ClassWeight.none, doc: "Every class counts once."),
            .plain("balanced", ClassWeight.balanced, doc: "total / (classes × count of the class), scikit-learn's \"balanced\"."),
            APIMember("fixed", [APIArgument(nil, name: "weights", .array(.double), limits: weightsLimits,
                                            doc: "One weight per label, in label order.")],
                      doc: "Given weights.") { .fixed($0.doubles("weights")) as ClassWeight },
        ])

    static let loss = APITypeDescription("Loss", doc: "The training loss, computed from logits (`from_logits=True`).", members: [
        APIMember("binaryCrossEntropy", [APIArgument("posWeight", .api("PosWeight"), default: ".none",
                                                     doc: "Weight of each label's positive term.")],
                  doc: "Sigmoid binary cross-entropy per label (Keras `BinaryCrossentropy(from_logits=True)`, PyTorch `BCEWithLogitsLoss`).") {
            .binaryCrossEntropy(posWeight: $0.object("posWeight")) as Loss
        },
        APIMember("softmaxCrossEntropy", [APIArgument("classWeight", .api("ClassWeight"), default: ".none",
                                                      doc: "Weight of each class.")],
                  doc: "Softmax cross-entropy on multi-hot targets normalised to sum 1 (Keras `CategoricalCrossentropy(from_logits=True)`).") {
            .softmaxCrossEntropy(classWeight: $0.object("classWeight")) as Loss
        },
        APIMember("sparseSoftmaxCrossEntropy", [APIArgument("classWeight", .api("ClassWeight"), default: ".none",
                                                            doc: "Weight of each class.")],
                  doc: "Softmax cross-entropy on the first positive label of each image only (Keras `SparseCategoricalCrossentropy`).") {
            .sparseSoftmaxCrossEntropy(classWeight: $0.object("classWeight")) as Loss
        },
        APIMember("focal", [
            APIArgument("alpha", .optional(.double), default: "0.25", limits: .range(0...1),
                        doc: "Weight of positives (1 − alpha for negatives); nil = no class balancing."),
            APIArgument("gamma", .double, default: "2", limits: .range(0...10), doc: "Focusing exponent of (1 − p_t)."),
        ], doc: "Sigmoid focal loss (Lin et al. 2017; torchvision `sigmoid_focal_loss`).") {
            .focal(alpha: $0.optionalDouble("alpha"), gamma: $0.double("gamma")) as Loss
        },
    ])

    static let sampleWeight = APITypeDescription(
        "SampleWeight", doc: "Per-image weights (Keras `sample_weight`): scale whole images, never single labels.",
        members: [
            .plain("none", SampleWeight.none, doc: "Every image counts once."),
            .plain("rarestLabel", SampleWeight.rarestLabel, doc: "The balanced weight of the image's rarest positive label."),
            .plain("inverseFrequency", SampleWeight.inverseFrequency, doc: "Mean inverse prevalence of the image's positive labels."),
            APIMember("kerasClassWeight", [APIArgument(nil, name: "weights", .array(.double), limits: weightsLimits,
                                                       doc: "One weight per label, in label order.")],
                      doc: "Keras `class_weight` on multi-hot targets: the weight of the image's first positive label (argmax); no label → class 0.") {
                .kerasClassWeight($0.doubles("weights")) as SampleWeight
            },
        ])

    static let learningRate = Limits.positive(max: 1e6)
    static let beta = Limits(min: 0, max: 1, exclusiveMin: false)
    static let epsilon = Limits.positive(max: 1)

    static let optimizer = APITypeDescription("Optimizer", doc: "The optimizer (ε added to √v̂, as PyTorch and optax do).", members: [
        APIMember("adam", [
            APIArgument("learningRate", .double, default: "0.001", limits: learningRate, doc: "Step size."),
            APIArgument("beta1", .double, default: "0.9", limits: beta, doc: "Decay of the first-moment average."),
            APIArgument("beta2", .double, default: "0.999", limits: beta, doc: "Decay of the second-moment average."),
            APIArgument("epsilon", .double, default: "1e-8", limits: epsilon, doc: "Added to √v̂."),
        ], doc: "Adam (Kingma & Ba).") {
            .adam(learningRate: $0.double("learningRate"), beta1: $0.double("beta1"), beta2: $0.double("beta2"),
                  epsilon: $0.double("epsilon")) as Optimizer
        },
        APIMember("adamW", [
            APIArgument("learningRate", .double, default: "0.001", limits: learningRate, doc: "Step size."),
            APIArgument("weightDecay", .double, default: "0.01", limits: .range(0...1), doc: "Decoupled weight decay."),
            APIArgument("beta1", .double, default: "0.9", limits: beta, doc: "Decay of the first-moment average."),
            APIArgument("beta2", .double, default: "0.999", limits: beta, doc: "Decay of the second-moment average."),
            APIArgument("epsilon", .double, default: "1e-8", limits: epsilon, doc: "Added to √v̂."),
        ], doc: "Adam with decoupled weight decay (Loshchilov & Hutter).") {
            .adamW(learningRate: $0.double("learningRate"), weightDecay: $0.double("weightDecay"),
                   beta1: $0.double("beta1"), beta2: $0.double("beta2"), epsilon: $0.double("epsilon")) as Optimizer
        },
        APIMember("sgd", [
            APIArgument("learningRate", .double, default: "0.01", limits: learningRate, doc: "Step size."),
            APIArgument("momentum", .double, default: "0", limits: Limits(min: 0, max: 1), doc: "Momentum factor."),
            APIArgument("nesterov", .bool, default: "false", doc: "Nesterov momentum."),
            APIArgument("weightDecay", .double, default: "0", limits: .range(0...1), doc: "L2 penalty added to the gradient."),
        ], doc: "Stochastic gradient descent (PyTorch `SGD`).") {
            .sgd(learningRate: $0.double("learningRate"), momentum: $0.double("momentum"), nesterov: $0.bool("nesterov"),
                 weightDecay: $0.double("weightDecay")) as Optimizer
        },
    ])

    static let thresholdObjective = APITypeDescription(
        "ThresholdObjective", doc: "What tuned thresholds maximise on the validation split.", members: [
            .plain("f1", ThresholdObjective.f1, doc: "The label's F1 score."),
        ])

    static let threshold = APITypeDescription(
        "Threshold", doc: "How probabilities become labels (predicted when probability > threshold).", members: [
            APIMember("fixed", [APIArgument(nil, name: "threshold", .double, limits: .range(0...1), doc: "For every label.")],
                      doc: "One threshold for every label.") { .fixed($0.double("threshold")) as Threshold },
            APIMember("perLabel", [APIArgument(nil, name: "thresholds", .array(.double),
                                               limits: Limits(min: 0, max: 1, minCount: 1, maxCount: maxLabels),
                                               doc: "One per label, in label order.")],
                      doc: "One threshold per label.") { .perLabel($0.doubles("thresholds")) as Threshold },
            APIMember("tuned", [APIArgument("maximizing", .api("ThresholdObjective"), doc: "What to maximise.")],
                      doc: "Per-label thresholds tuned on the validation split.") {
                .tuned(maximizing: $0.object("maximizing")) as Threshold
            },
            APIMember("tunedOnTest", [APIArgument("maximizing", .api("ThresholdObjective"), doc: "What to maximise.")],
                      doc: "The leak, to demonstrate it: per-label thresholds tuned on the test split itself (optimistic test metrics).") {
                .tunedOnTest(maximizing: $0.object("maximizing")) as Threshold
            },
            APIMember("topK", [APIArgument(nil, name: "k", .int, limits: .range(1...Double(maxLabels)), doc: "Labels per image.")],
                      doc: "The k most probable labels of each image.") { .topK($0.int("k")) as Threshold },
        ])

    static let outputBias = APITypeDescription("OutputBias", doc: "Initial value of the last layer's bias.", members: [
        .plain("zero", OutputBias.zero, doc: "All zeros (the frameworks' default)."),
        .plain("prior", OutputBias.prior, doc: "log(p / (1 − p)) per label, p its training prevalence."),
    ])
}

extension APIMember {
    /// A member written without parentheses (`.sigmoid`, `.balanced`).
    static func plain(_ name: String, _ value: some Sendable, doc: String) -> APIMember {
        APIMember(name, nil, doc: doc) { _ in value }
    }
}
