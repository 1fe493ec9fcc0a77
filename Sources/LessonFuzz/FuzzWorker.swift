import Foundation

/// The process that judges mutants, one after the other, telling its
/// supervisor on stdout `S i` before mutant `i` and `D i label\tviolation`
/// after it. A mutant that crashes the worker is the last `S` without a `D`.
public enum FuzzWorker {
    /// Judges mutants `plan.first`, `+ step`, ... below `plan.end`; `scratch` is this worker's own folder.
    public static func run(plan: FuzzPlan, executable: String, scratch: URL, step: Int, write: (String) -> Void) throws {
        let lessons = scratch.appendingPathComponent("in-process")
        try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
        let inProcess = InProcessOracle(folder: lessons)
        let binary = BinaryOracle(executable: executable, folder: scratch.appendingPathComponent("binary"))
        for index in stride(from: plan.first, to: plan.end, by: max(1, step)) {
            write("S \(index)\n")
            let mutant = plan.mutant(index)
            let verdict = plan.isBinary(index) ? binary.judge(mutant) : inProcess.judge(mutant)
            let violation = (verdict.violation ?? "").replacingOccurrences(of: "\n", with: " ")
            write("D \(index) \(verdict.label)\t\(violation)\n")
        }
    }
}
