/// Runs a whole `Compare` in-process, without cache or pages: what an exported
/// lesson program (`lessons export`) plugs into `Notebook.shared.execute` so its
/// `results[...]` and `expect(...)` work on the same numbers `lessons run` shows.
public enum CompareExecutor {
    public static func execute(_ compare: Compare, lessonFolder: String? = nil) throws -> [String: any RunReport] {
        let dataset = try compare.dataset.load(relativeTo: lessonFolder)
        var reports: [String: any RunReport] = [:]
        for run in compare.runs { reports[run.name] = RunExecutor.execute(run, on: dataset) }
        return reports
    }

    /// Installs `execute` as the notebook's executor (the first line of an exported program).
    public static func install(on notebook: Notebook = .shared, lessonFolder: String? = nil) {
        notebook.execute = { try execute($0, lessonFolder: lessonFolder) }
    }
}
