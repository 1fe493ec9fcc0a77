/// Runs a whole `Compare` in-process, without cache or pages: what an exported
/// lesson program (`lessons export`) plugs into `Notebook.shared.execute` so its
/// `results[...]` and `expect(...)` work on the same numbers `lessons run` shows.
public enum CompareExecutor {
    public static func execute(_ compare: Compare, lessonFolder: String? = nil) throws -> [String: RunSeries] {
        var perRun: [String: (seeds: [Int], results: [RunResult])] = [:]
        for replica in compare.replicas {
            let dataset = try replica.dataset.load(relativeTo: lessonFolder)
            let others = try replica.alsoTestOn.map { ($0.name, try $0.dataset.load(relativeTo: lessonFolder)) }
            for run in replica.runs {
                perRun[run.name, default: ([], [])].seeds.append(replica.seed ?? run.seed)
                perRun[run.name, default: ([], [])].results.append(RunExecutor.execute(run, on: dataset, alsoTestOn: others))
            }
        }
        var out = perRun.mapValues { RunSeries(name: $0.results[0].name, seeds: $0.seeds, results: $0.results) }
        // `results["a", on: "noisy"]` reads the run on each other test set.
        for (name, series) in out { for testSet in (compare.alsoTestOn ?? [:]).keys { out[RunSeries.key(name, on: testSet)] = series.on(testSet) } }
        return out
    }

    /// Installs `execute` as the notebook's executor (the first line of an exported program).
    public static func install(on notebook: Notebook = .shared, lessonFolder: String? = nil) {
        notebook.execute = { try execute($0, lessonFolder: lessonFolder) }
    }
}
