import Foundation
import Synchronization

/// Runs a fuzz batch in `jobs` worker processes (`lessons fuzz --worker`), each
/// judging every `jobs`-th mutant. A worker that dies mid-mutant is a crash of
/// that mutant (its signal recorded, its bytes kept), one that stays silent
/// past the time limit is a hang (killed); either way a new worker carries on
/// with the next mutant.
public struct FuzzSupervisor: Sendable {
    public var plan: FuzzPlan
    public var jobs: Int
    /// The `lessons` binary, and the arguments that make it a worker (`--from`, `--step` are added).
    public var executable: String
    public var workerArguments: [String]
    /// Where crashing, hanging or violating mutants are saved.
    public var keep: URL
    public var inProcessTimeout: TimeInterval = 60
    public var binaryTimeout: TimeInterval = 330

    public init(plan: FuzzPlan, jobs: Int, executable: String, workerArguments: [String], keep: URL) {
        self.plan = plan
        self.jobs = max(1, jobs)
        self.executable = executable
        self.workerArguments = workerArguments
        self.keep = keep
    }

    public func run(progress: @escaping @Sendable (FuzzReport) -> Void = { _ in }) -> FuzzReport {
        let report = SharedReport(FuzzReport(seed: plan.seed))
        let started = Date()
        // One thread per lane (not `concurrentPerform`, which runs no more lanes at once than there are cores).
        let lanes = DispatchGroup()
        for lane in 0..<jobs {
            lanes.enter()
            Thread.detachNewThread {
                defer { lanes.leave() }
                runLane(lane, report: report, started: started, progress: progress)
            }
        }
        lanes.wait()
        return report.value.withLock { report in
            report.seconds = Date().timeIntervalSince(started)
            return report
        }
    }

    private func runLane(_ lane: Int, report: SharedReport, started: Date, progress: @Sendable (FuzzReport) -> Void) {
        var next = plan.first + lane
        while next < plan.end {
            next = runWorker(from: next) { index, kind, violation in
                let snapshot = report.value.withLock { report -> FuzzReport? in
                    if report.record(index: index, binary: plan.isBinary(index), label: kind, violation: violation) {
                        report.findings[report.findings.count - 1].reproducer = save(index)
                    }
                    report.seconds = Date().timeIntervalSince(started)
                    return report.judged % 1000 == 0 ? report : nil
                }
                if let snapshot { progress(snapshot) }
            }
        }
    }

    /// The report the lanes add to.
    private final class SharedReport: Sendable {
        let value: Mutex<FuzzReport>
        init(_ report: FuzzReport) { value = Mutex(report) }
    }

    /// One worker from mutant `from` on; returns where the next worker starts (past `plan.end` when done).
    private func runWorker(from: Int, record: (Int, String, String?) -> Void) -> Int {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = workerArguments + ["--from", String(from), "--step", String(jobs)]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            record(from, "not started", "cannot start \(executable): \(error.localizedDescription)")
            return plan.end
        }
        let fd = output.fileHandleForReading.fileDescriptor
        var pending = [UInt8](), current: Int?, deadline = Date().addingTimeInterval(inProcessTimeout * 2)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let wait = max(0, Int32(deadline.timeIntervalSinceNow * 1000))
            let ready = poll(&poller, 1, min(wait, 1000))
            if ready == 0 {
                guard Date() >= deadline else { continue }
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                guard let index = current else { return plan.end }
                record(index, "hang", "no answer in \(Int(plan.isBinary(index) ? binaryTimeout : inProcessTimeout)) s")
                return index + jobs
            }
            let count = read(fd, &buffer, buffer.count)
            if count <= 0 { break }
            pending += buffer[..<count]
            while let newline = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                let fields = line.split(separator: " ", maxSplits: 2)
                guard fields.count >= 2, let index = Int(fields[1]) else { continue }
                if fields[0] == "S" {
                    current = index
                    deadline = Date().addingTimeInterval(plan.isBinary(index) ? binaryTimeout : inProcessTimeout)
                } else if fields[0] == "D", fields.count == 3 {
                    let parts = fields[2].split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
                    let violation = parts.count > 1 && !parts[1].isEmpty ? String(parts[1]) : nil
                    record(index, String(parts[0]), violation)
                    current = nil
                }
            }
        }
        process.waitUntilExit()
        guard let index = current else { return plan.end }
        let signal = process.terminationReason == .uncaughtSignal
        let label = signal ? "signal \(process.terminationStatus)" : "worker exit \(process.terminationStatus)"
        record(index, label, "the tool died: \(label)")
        return index + jobs
    }

    private func save(_ index: Int) -> String? {
        let mutant = plan.mutant(index)
        let file = keep.appendingPathComponent("seed\(plan.seed)-\(index)-\(mutant.fileName)")
        try? FileManager.default.createDirectory(at: keep, withIntermediateDirectories: true)
        return (try? Data(mutant.bytes).write(to: file)) == nil ? nil : file.path
    }
}
