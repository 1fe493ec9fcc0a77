import Foundation
import Experiments
import NeuralCore

/// How a run of a lesson becomes its `results.json`: the document from the
/// runner's outcome (`ResultsAssembly`, shared with the WebAssembly module), and its bytes.
extension ResultsDocument {
    /// This build's versions of the runner and the numerics.
    public static var currentVersions: Versions {
        Versions(lessons: RunSpec.projectVersion, numerics: NeuralCore.numericsVersion)
    }

    public init(lessonFile: String, title: String, parameters: [Parameter], outcome: LessonRunOutcome,
                expectations: [ExpectationRecord]) {
        self.init(lessonFile: lessonFile, title: title, versions: Self.currentVersions, parameters: parameters,
                  outcome: outcome, expectations: expectations)
    }

    /// Pretty, sorted-key JSON with a final newline (`text`, written without Foundation).
    public func encoded() throws -> Data { Data(text.utf8) }
}

extension ResultsDiff {
    /// `results.json` of the page as it is now in `site` (nil when there is none or it does not decode).
    public static func previousResults(site: String, lessonID: String) -> ResultsDocument? {
        let url = URL(fileURLWithPath: site).appendingPathComponent(lessonID).appendingPathComponent("results.json")
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? CanonicalJSON.decoder().decode(ResultsDocument.self, from: data)
    }
}
