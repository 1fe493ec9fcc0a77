/// Descriptions of `Run` and `Compare`, the statements lessons are made of.
extension APICatalog {
    static let run = APITypeDescription("Run", doc: "One training run; `results[\"name\"]` refers to it.", members: [
        APIMember("init", [
            APIArgument(nil, name: "name", .string, limits: Limits(minCount: 1, maxCount: 80), doc: "Unique name within the lesson."),
            APIArgument("model", .api("ModelSpecification"), default: "MLP()", doc: "The network; it outputs logits."),
            APIArgument("head", .api("Head"), default: ".sigmoid", doc: "How logits become probabilities."),
            APIArgument("loss", .api("Loss"), default: ".binaryCrossEntropy()", doc: "The training loss; must suit the head."),
            APIArgument("sampleWeight", .api("SampleWeight"), default: ".none", doc: "Per-image weights."),
            APIArgument("optimizer", .api("Optimizer"), default: ".adam()", doc: "The optimizer."),
            APIArgument("epochs", .int, default: "10", limits: .range(1...1000), doc: "Passes over the training split."),
            APIArgument("batchSize", .int, default: "32", limits: .range(1...4096), doc: "Images per step."),
            APIArgument("threshold", .api("Threshold"), default: ".fixed(0.5)", doc: "How probabilities become labels."),
            APIArgument("outputBias", .api("OutputBias"), default: ".zero", doc: "Initial bias of the logits layer."),
            APIArgument("seed", .int, default: "0", limits: .range(0...Double(Int32.max)),
                        doc: "Seeds initialisation, dropout and shuffling."),
        ], doc: "A named training run.", check: { a in
            let head: Head = a.object("head"), loss: Loss = a.object("loss")
            guard head != loss.head else { return [] }
            return [APIIssue([.argument("loss")], "\(Run.caseName(of: loss)) needs head: .\(loss.head.rawValue), "
                             + "but this run has head: .\(head.rawValue)")]
        }) { a in
            Run(a.string("name"), model: a.object("model", as: (any ModelSpecification).self), head: a.object("head"), loss: a.object("loss"),
                sampleWeight: a.object("sampleWeight"), optimizer: a.object("optimizer"), epochs: a.int("epochs"),
                batchSize: a.int("batchSize"), threshold: a.object("threshold"), outputBias: a.object("outputBias"),
                seed: a.int("seed"))
        },
    ])
}

extension Run {
    /// `.binaryCrossEntropy` for messages: the case's name, read from the value.
    static func caseName(of loss: Loss) -> String {
        "." + (Mirror(reflecting: loss).children.first?.label ?? String(describing: loss))
    }
}

extension APICatalog {
    static let datasetSpecification = APITypeDescription(
        "DatasetSpecification", doc: "A dataset a `Compare` runs on: `Shapes(...)`, `FashionMosaics(...)`, ...", members: [])

    static let compare = APITypeDescription(
        "Compare", doc: "Runs trained and measured on one dataset, shown side by side after the block.", members: [
            APIMember("init", [
                APIArgument(nil, name: "title", .string, limits: Limits(minCount: 1, maxCount: 120), doc: "Heading of the comparison."),
                APIArgument("on", name: "dataset", .api("DatasetSpecification"), doc: "The dataset every run trains on."),
                APIArgument("seeds", .optional(.api("Seeds")), default: "nil",
                            doc: "Train every run once per seed (the dataset is redrawn too); nil: once, with the seeds written."),
                APIArgument("runs", .array(.api("Run")), limits: Limits(minCount: 1, maxCount: 16), doc: "The runs, in table order."),
                APIArgument("show", .optional(.array(.api("ResultView"))), default: "nil", limits: Limits(minCount: 1, maxCount: 12),
                            doc: "The outputs shown after the block, in page order; nil: `[.dataset, .table, .loss, .pr]`. "
                            + "The rest is folded into \"More results\"."),
            ], doc: "A comparison of runs.", check: compareIssues) { a in
                Compare(title: a.string("title"), dataset: a.object("dataset", as: (any DatasetSpecification).self).source,
                        seeds: a["seeds"].object as? Seeds, runs: a.objects("runs", as: Run.self),
                        show: a["show"].array.map { $0.compactMap { $0.object as? ResultView } })
            },
        ])

    /// Run names unique within the comparison; per-label lists as long as the dataset's labels.
    @Sendable static func compareIssues(_ a: APIArguments) -> [APIIssue] {
        let runs = a.objects("runs", as: Run.self)
        var issues: [APIIssue] = []
        if let seeds = a["seeds"].object as? Seeds {
            issues += seedIssues(seeds.values).map { APIIssue([.argument("seeds")] + $0.path, $0.message) }
        }
        var seen: Set<String> = []
        let labels = a.object("dataset", as: (any DatasetSpecification).self).labelNames
        func count(_ n: Int, _ what: String, _ argument: String, run i: Int) {
            guard let labels, n != labels.count else { return }
            issues.append(APIIssue([.argument("runs"), .index(i), .argument(argument)],
                                   "\(what) has \(n) \(n == 1 ? "entry" : "entries") but the dataset has \(labels.count) "
                                   + "labels (\(labels.joined(separator: ", ")))"))
        }
        for (i, view) in (a["show"].array ?? []).enumerated() {
            if case .label(let label)? = view.object as? ResultView, let labels, !labels.contains(label) {
                issues.append(APIIssue([.argument("show"), .index(i)],
                                       "unknown label '\(label)'; the dataset's labels are \(labels.joined(separator: ", "))"))
            }
        }
        for (i, run) in runs.enumerated() {
            if !seen.insert(run.name).inserted {
                issues.append(APIIssue([.argument("runs"), .index(i)], "duplicate run name '\(run.name)'"))
            }
            switch run.loss {
            case .binaryCrossEntropy(.fixed(let w)): count(w.count, "posWeight", "loss", run: i)
            case .softmaxCrossEntropy(.fixed(let w)), .sparseSoftmaxCrossEntropy(.fixed(let w)):
                count(w.count, "classWeight", "loss", run: i)
            default: break
            }
            if case .kerasClassWeight(let w) = run.sampleWeight { count(w.count, "kerasClassWeight", "sampleWeight", run: i) }
            switch run.threshold {
            case .perLabel(let t): count(t.count, "perLabel", "threshold", run: i)
            case .topK(let k) where labels.map({ k > $0.count }) == true:
                issues.append(APIIssue([.argument("runs"), .index(i), .argument("threshold")],
                                       "topK(\(k)) asks for more labels than the dataset's \(labels?.count ?? 0)"))
            default: break
            }
        }
        return issues
    }
}
