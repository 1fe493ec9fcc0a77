/// Descriptions of the models a `Run` can train.
extension APICatalog {
    static let widths = Limits(min: 1, max: 4096, minCount: 0, maxCount: 8)
    static let dropout = Limits(min: 0, max: 0.95)

    static let modelSpecification = APITypeDescription(
        "ModelSpecification", doc: "A model a `Run` can train: `MLP(...)` or `CNN(...)`, or the `PrevalenceBaseline()`.",
        members: [])

    static let mlp = APITypeDescription(
        "MLP", doc: "Flatten, hidden `Dense` + ReLU layers, then a `Dense` layer that outputs logits (no activation).",
        conformsTo: ["ModelSpecification"], members: [
            APIMember("init", [
                APIArgument("hidden", .array(.int), default: "[64]", limits: widths, doc: "Widths of the hidden layers."),
                APIArgument("dropout", .double, default: "0", limits: dropout, doc: "Dropout rate after each hidden layer."),
            ], doc: "A multi-layer perceptron.") { MLP(hidden: $0.ints("hidden"), dropout: $0.double("dropout")) },
        ])

    static let cnn = APITypeDescription(
        "CNN", doc: "Conv2D (`same`) + ReLU + 2×2 MaxPool2D blocks, Flatten, hidden Dense + ReLU layers, a logits Dense layer.",
        conformsTo: ["ModelSpecification"], members: [
            APIMember("init", [
                APIArgument("filters", .array(.int), default: "[16, 32]", limits: Limits(min: 1, max: 256, minCount: 1, maxCount: 4),
                            doc: "Channels of each convolution block."),
                APIArgument("dense", .array(.int), default: "[64]", limits: widths, doc: "Widths of the hidden Dense layers."),
                APIArgument("dropout", .double, default: "0", limits: dropout, doc: "Dropout rate before each hidden Dense layer."),
                APIArgument("kernelSize", .int, default: "3", limits: .range(1...7), doc: "Odd square kernel size."),
            ], doc: "A small convolutional network.", check: { a in
                a.int("kernelSize") % 2 == 1 ? [] : [APIIssue([.argument("kernelSize")], "kernelSize must be odd")]
            }) {
                CNN(filters: $0.ints("filters"), dense: $0.ints("dense"), dropout: $0.double("dropout"),
                    kernelSize: $0.int("kernelSize"))
            },
        ])

    static let prevalenceBaseline = APITypeDescription(
        "PrevalenceBaseline",
        doc: "Not a network: scores every image with each label's training prevalence "
            + "(scikit-learn `DummyClassifier(strategy=\"prior\")` per label). Trains nothing; a run's loss, weights and epochs are ignored.",
        conformsTo: ["ModelSpecification"], members: [
            APIMember("init", [], doc: "The constant-score baseline: AP = the label's prevalence, ROC-AUC = 0.5.") { _ in
                PrevalenceBaseline()
            },
        ])
}
