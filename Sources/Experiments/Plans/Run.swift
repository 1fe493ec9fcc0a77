import PortableJSON

/// One training run: a model, its head and loss, the weighting, the optimizer
/// and the budget. Canonical and Codable: the runner hashes it (with the
/// dataset) for its cache key, so every field the result depends on is here.
public struct Run: Hashable, Sendable {
    /// Unique within a lesson; `results["name"]` refers to it.
    public var name: String
    public var model: Model
    public var head: Head
    public var loss: Loss
    public var sampleWeight: SampleWeight
    public var optimizer: Optimizer
    /// Passes over the training split.
    public var epochs: Int
    public var batchSize: Int
    /// nil for `.constant`, so a run at the optimizer's rate keeps the cache key it had before schedules existed.
    public var schedule: Schedule?
    /// Clips the gradients to this global norm before every step (nil: no clipping).
    public var clipNorm: Double?
    /// Stops when the validation loss no longer improves (nil: every epoch runs).
    public var earlyStopping: EarlyStopping?
    public var threshold: Threshold
    public var outputBias: OutputBias
    /// nil for `.none`, so a run without a shift keeps the cache key it had before the shift existed.
    public var logitShift: LogitShift?
    /// nil for no augmentation, so a run without it keeps the cache key it had before augmentation existed.
    public var augmentation: Augmentation?
    /// Seeds weight initialisation, dropout and the per-epoch shuffle.
    public var seed: Int

    public init(_ name: String,
                model: some ModelSpecification = MLP(),
                head: Head = .sigmoid,
                loss: Loss = .binaryCrossEntropy(),
                sampleWeight: SampleWeight = .none,
                optimizer: Optimizer = .adam(),
                epochs: Int = 10,
                batchSize: Int = 32,
                schedule: Schedule = .constant,
                clipNorm: Double? = nil,
                earlyStopping: EarlyStopping? = nil,
                threshold: Threshold = .fixed(0.5),
                outputBias: OutputBias = .zero,
                logitShift: LogitShift = .none,
                augmentation: Augmentation? = nil,
                seed: Int = 0) {
        self.name = name
        self.model = model.model
        self.head = head
        self.loss = loss
        self.sampleWeight = sampleWeight
        self.optimizer = optimizer
        self.epochs = epochs
        self.batchSize = batchSize
        self.schedule = schedule == .constant ? nil : schedule
        self.clipNorm = clipNorm
        self.earlyStopping = earlyStopping
        self.threshold = threshold
        self.outputBias = outputBias
        self.logitShift = logitShift == .none ? nil : logitShift
        self.augmentation = augmentation?.isIdentity == true ? nil : augmentation
        self.seed = seed
    }
}

extension Run {
    /// Per-label settings whose length must match the dataset's labels (and a topK
    /// within them): the run's argument each problem is about, and the problem. Checked
    /// when the labels are known: from the description, the files' headers, or the data itself.
    public func labelProblems(_ labels: [String]) -> [(argument: String, message: String)] {
        var problems: [(argument: String, message: String)] = []
        func count(_ n: Int, _ what: String, _ argument: String) {
            guard n != labels.count else { return }
            problems.append((argument, "\(what) has \(n) \(n == 1 ? "entry" : "entries") but the dataset has \(labels.count) "
                             + "labels (\(labels.joined(separator: ", ")))"))
        }
        if let list = loss.perLabelList { count(list.count, list.name, "loss") }
        if case .kerasClassWeight(let w) = sampleWeight { count(w.count, "kerasClassWeight", "sampleWeight") }
        switch threshold {
        case .perLabel(let t): count(t.count, "perLabel", "threshold")
        case .topK(let k) where k > labels.count:
            problems.append(("threshold", "topK(\(k)) asks for more labels than the dataset's \(labels.count)"))
        default: break
        }
        return problems
    }
}

extension Run: DeclaredType {
    public static let typeName = "Run"
    static let name = ArgumentKey<String>(nil, name: "name", limits: Limits(minCount: 1, maxCount: 80), doc: "Unique name within the lesson.")
    static let model = ArgumentKey<Model>("model", default: .mlp(MLP()), doc: "The network; it outputs logits.")
    static let head = ArgumentKey<Head>("head", default: .sigmoid, doc: "How logits become probabilities.")
    static let loss = ArgumentKey<Loss>("loss", default: .binaryCrossEntropy(), doc: "The training loss; must suit the head.")
    static let sampleWeight = ArgumentKey<SampleWeight>("sampleWeight", default: .none, doc: "Per-image weights.")
    static let optimizer = ArgumentKey<Optimizer>("optimizer", default: .adam(), doc: "The optimizer.")
    static let epochs = ArgumentKey<Int>("epochs", default: 10, limits: .range(1...1000), doc: "Passes over the training split.")
    static let batchSize = ArgumentKey<Int>("batchSize", default: 32, limits: .range(1...4096), doc: "Images per step.")
    static let schedule = ArgumentKey<Schedule>("schedule", default: .constant, doc: "How the learning rate changes over the epochs.")
    static let clipNorm = ArgumentKey<Double?>("clipNorm", default: nil, limits: .positive(max: 1e6),
                                               doc: "Scales the gradients down to this global norm before every step when they exceed it "
                                               + "(PyTorch `clip_grad_norm_`, ε = 1e-6); nil: no clipping.")
    static let earlyStopping = ArgumentKey<EarlyStopping?>("earlyStopping", default: nil,
                                                           doc: "Stops when the validation loss no longer improves; the dataset must hold out "
                                                           + "validation images. nil: every epoch runs.")
    static let threshold = ArgumentKey<Threshold>("threshold", default: .fixed(0.5), doc: "How probabilities become labels.")
    static let outputBias = ArgumentKey<OutputBias>("outputBias", default: .zero, doc: "Initial bias of the logits layer.")
    static let logitShift = ArgumentKey<LogitShift>("logitShift", default: .none, doc: "Shift of the logits after training, before the head.")
    static let augmentation = ArgumentKey<Augmentation?>("augmentation", default: nil,
                                                         doc: "Random flips, shifts and noise on the training images; nil: the images as they are.")
    static let seed = ArgumentKey<Int>("seed", default: 0, limits: .range(0...Double(Int32.max)), doc: "Seeds initialisation, dropout and shuffling.")

    public static let members = [
        DeclaredMember("init", [name.facts, model.facts, head.facts, loss.facts, sampleWeight.facts, optimizer.facts, epochs.facts,
                                batchSize.facts, schedule.facts, clipNorm.facts, earlyStopping.facts, threshold.facts, outputBias.facts,
                                logitShift.facts, augmentation.facts, seed.facts],
                       doc: "A named training run.", check: issues) { a throws(JSONError) in
            Run(try a(name), model: try a(model), head: try a(head), loss: try a(loss), sampleWeight: try a(sampleWeight),
                optimizer: try a(optimizer), epochs: try a(epochs), batchSize: try a(batchSize), schedule: try a(schedule),
                clipNorm: try a(clipNorm), earlyStopping: try a(earlyStopping), threshold: try a(threshold),
                outputBias: try a(outputBias), logitShift: try a(logitShift), augmentation: try a(augmentation), seed: try a(seed))
        },
    ]

    /// A loss must suit the head, and `.undoPosWeight` needs a posWeight: checked when a
    /// lesson is evaluated or its plan resolved.
    @Sendable static func issues(_ a: ArgumentSource) throws(JSONError) -> [APIIssue] {
        let head = try a(Run.head), loss = try a(Run.loss)
        if try a(logitShift) == .undoPosWeight, !loss.hasPosWeight {
            return [APIIssue([.argument("logitShift")], "logitShift: .undoPosWeight needs a loss with a posWeight, "
                             + "e.g. loss: .binaryCrossEntropy(posWeight: .balanced)")]
        }
        guard head != loss.head else { return [] }
        return [APIIssue([.argument("loss")], "\(caseName(of: loss)) needs head: .\(loss.head.rawValue), but this run has head: .\(head.rawValue)")]
    }
}

#if !hasFeature(Embedded)
extension Run: Codable {}
#endif

extension Run {
    static let description = APITypeDescription(declared: Run.self, doc: "One training run; `results[\"name\"]` refers to it.")

    /// `.binaryCrossEntropy` for messages.
    static func caseName(of loss: Loss) -> String { "." + loss.caseName }
}
