import Foundation

/// `lessons preview` running in the background for a test: started with
/// `--port 0`, it prints its address once the first build is done.
final class PreviewProcess {
    let process: Process
    let port: Int
    /// The address it printed (`http://127.0.0.1:PORT/page.html`).
    let address: String
    private let errors = Collected()

    private final class Collected: @unchecked Sendable {
        private var data = Data()
        private let lock = NSLock()
        func append(_ chunk: Data) { lock.lock(); data.append(chunk); lock.unlock() }
        var text: String { lock.lock(); defer { lock.unlock() }; return String(decoding: data, as: UTF8.self) }
    }

    enum Failure: Error { case noAddress(String) }

    init(_ lessons: LessonsProcess, _ arguments: [String], timeout: TimeInterval = 300) throws {
        let (process, out, err) = try lessons.start(["preview", "--port", "0"] + arguments)
        self.process = process
        let errors = self.errors
        // Drained all along, so the server never blocks on a full pipe.
        Thread.detachNewThread {
            while true {
                let chunk = err.fileHandleForReading.availableData
                if chunk.isEmpty { return }
                errors.append(chunk)
            }
        }
        let firstLine = Collected()
        let ready = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            while !firstLine.text.contains("\n") {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                firstLine.append(chunk)
            }
            ready.signal()
        }
        _ = ready.wait(timeout: .now() + timeout)
        let line = firstLine.text.split(separator: "\n").first.map(String.init) ?? ""
        guard line.hasPrefix("http://127.0.0.1:"),
              let port = Int(line.dropFirst("http://127.0.0.1:".count).prefix { $0.isNumber }) else {
            process.terminate()
            throw Failure.noAddress(line + "\n" + errors.text)
        }
        self.port = port
        address = line
    }

    var stderr: String { errors.text }

    /// Ctrl-C: SIGINT, then the exit status (nil if it did not stop in time).
    func interrupt(timeout: TimeInterval = 30) -> Int32? {
        kill(process.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL); return nil }
        return process.terminationStatus
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
}
