import Foundation

/// Judges a mutant through the real `lessons` binary: `lessons run` in a fresh
/// scratch folder (its own site and cache), so training, the cache and the site
/// writer are exercised too. Mutants for it come from the course shrunk to tiny
/// data (`TinyCourse`), so a run takes about a second instead of minutes.
public struct BinaryOracle: Sendable {
    public let executable: String
    /// Recreated for each mutant: `Lessons/<file>`, `site/`, `cache/`.
    public let folder: URL
    public let timeout: TimeInterval

    public init(executable: String, folder: URL, timeout: TimeInterval = 300) {
        self.executable = executable
        self.folder = folder
        self.timeout = timeout
    }

    public func judge(_ mutant: LessonMutator.Mutant) -> FuzzVerdict {
        let fm = FileManager.default
        try? fm.removeItem(at: folder)
        let lessons = folder.appendingPathComponent("Lessons")
        let errors = folder.appendingPathComponent("stderr.txt")
        do {
            try fm.createDirectory(at: lessons, withIntermediateDirectories: true)
            try Data(mutant.bytes).write(to: lessons.appendingPathComponent(mutant.fileName))
            try Data().write(to: errors)
        } catch {
            return FuzzVerdict(.exit(1), violation: "cannot prepare \(folder.path)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["run", "Lessons/" + mutant.fileName, "--out", "site", "--jobs", "1", "--quiet"]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["LESSONS_CACHE_DIR"] = folder.appendingPathComponent("cache").path
        environment["NO_COLOR"] = "1"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        guard let errorHandle = try? FileHandle(forWritingTo: errors) else {
            return FuzzVerdict(.exit(1), violation: "cannot open \(errors.path)")
        }
        defer { try? errorHandle.close() }
        process.standardError = errorHandle
        do { try process.run() } catch { return FuzzVerdict(.exit(1), violation: "cannot start \(executable)") }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(5_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return FuzzVerdict(.hang, violation: "no answer in \(Int(timeout)) s")
        }
        if process.terminationReason == .uncaughtSignal {
            return FuzzVerdict(.signal(process.terminationStatus), violation: "killed by signal \(process.terminationStatus)")
        }
        let message = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        var verdict = FuzzVerdict.judging(exit: process.terminationStatus, message: message)
        if process.terminationStatus == 2, verdict.violation == nil {
            let written = ["site", "cache"].filter { fm.fileExists(atPath: folder.appendingPathComponent($0).path) }
            if !written.isEmpty { verdict.violation = "exit 2 wrote \(written.joined(separator: " and "))/" }
        }
        return verdict
    }
}
