import Foundation

/// The built `lessons` binary, spawned in a folder: run to completion, or started
/// and killed mid-way (the interrupted-run test).
struct LessonsProcess {
    struct Output { var status: Int32; var stdout: String; var stderr: String }

    var folder: URL
    /// Whether the child runs with NO_COLOR=1; false removes it, so a test can
    /// check that piped output has no colour anyway.
    var setsNoColor = true
    /// Variables set for the command on top of this process's environment.
    var extraEnvironment: [String: String] = [:]

    func run(_ arguments: [String]) throws -> Output {
        let (process, out, err) = try start(arguments)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Starts the command, waits until its stderr shows `marker`, then kills it (SIGKILL).
    func kill(_ arguments: [String], after marker: String, timeout: TimeInterval = 60) throws -> String {
        let (process, _, err) = try start(arguments)
        var seen = Data()
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline, !String(decoding: seen, as: UTF8.self).contains(marker) {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen.append(chunk)
        }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return String(decoding: seen, as: UTF8.self)
    }

    /// Starts the command and returns it with its stdout and stderr pipes (the caller reads them).
    func start(_ arguments: [String]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = try Self.binary()
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "LESSONS_CACHE_DIR")
        if setsNoColor { environment["NO_COLOR"] = "1" } else { environment.removeValue(forKey: "NO_COLOR") }
        environment.merge(extraEnvironment) { $1 }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    /// `.build/<config>/lessons`, next to the test bundle.
    static func binary() throws -> URL {
        var candidates = Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent().appendingPathComponent("lessons") }
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(repo.appendingPathComponent(".build/debug/lessons"))
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: candidates.map(\.path).joined(separator: ", ")])
        }
        return found
    }
}
