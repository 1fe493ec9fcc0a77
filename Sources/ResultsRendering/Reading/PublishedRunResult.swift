import Experiments
import PortableJSON

extension RunResult {
    /// A run's result as `results.json` and `lessons_run_pair` spell it (its Codable form),
    /// for whoever reassembles published results (`ResultsAssembly`).
    public init(resultsJSON value: JSONValue, path: String) throws(ResultsReadError) {
        let field = JSONField(value: value, path: path, failure: ReadFailure())
        self = field.runResult()
        try field.check()
    }
}
