import Foundation

/// Progress of a lesson's runs on stderr.
///
/// On a terminal: one live line per run, redrawn in place (name, epoch/total,
/// loss, ETA). Otherwise (CI logs, pipes): one plain line per event, nothing
/// redrawn. `.quiet` prints nothing. Thread-safe: runs report from worker threads.
public final class ProgressReporter: @unchecked Sendable {
    public enum Style: Sendable { case live, plain, quiet }

    public let style: Style
    private let write: @Sendable (String) -> Void
    private let lock = NSLock()
    private var names: [String] = []
    private var lines: [String] = []
    private var drawn = 0
    private var started: [Int: Date] = [:]
    private var lastStepDraw = Date.distantPast

    /// `write` receives finished text (tests capture it; the CLI writes to stderr).
    public init(style: Style, write: @escaping @Sendable (String) -> Void = ProgressReporter.standardError) {
        self.style = style
        self.write = write
    }

    /// `.live` on a terminal, `.plain` otherwise, `.quiet` when asked.
    public static func automatic(quiet: Bool) -> ProgressReporter {
        if quiet { return ProgressReporter(style: .quiet) }
        return ProgressReporter(style: isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
                                ? .live : .plain)
    }

    public static let standardError: @Sendable (String) -> Void = { text in
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Declares the runs about to execute, in page order.
    public func begin(runs: [String]) {
        lock.lock(); defer { lock.unlock() }
        names = runs
        lines = runs.map { "\($0): waiting" }
        drawn = 0
        started = [:]
        if style == .live { redraw() }
    }

    public func cached(_ index: Int) {
        update(index, "cached", plain: "\(names[index]): cached, nothing to train")
    }

    public func started(_ index: Int, epochs: Int) {
        lock.lock(); started[index] = Date(); lock.unlock()
        update(index, "epoch 0/\(epochs)", plain: "\(names[index]): training \(epochs) epoch\(epochs == 1 ? "" : "s")")
    }

    public func epoch(_ index: Int, epoch: Int, of total: Int, loss: Double) {
        lock.lock()
        let elapsed = started[index].map { Date().timeIntervalSince($0) } ?? 0
        lock.unlock()
        let eta = epoch > 0 ? elapsed / Double(epoch) * Double(total - epoch) : 0
        let text = "epoch \(epoch)/\(total)  loss \(Self.format(loss))  ETA \(Self.duration(eta))"
        update(index, text, plain: "\(names[index]): \(text)")
    }

    /// Within an epoch (live style only; redrawn at most ten times a second).
    public func step(_ index: Int, epoch: Int, of total: Int, done: Double, loss: Double) {
        lock.lock()
        let now = Date()
        guard style == .live, now.timeIntervalSince(lastStepDraw) >= 0.1 else { lock.unlock(); return }
        lastStepDraw = now
        let elapsed = started[index].map { now.timeIntervalSince($0) } ?? 0
        lock.unlock()
        let eta = done > 0 ? elapsed / done * (1 - done) : 0
        update(index, "epoch \(epoch)/\(total)  \(Int(done * 100))%  loss \(Self.format(loss))  ETA \(Self.duration(eta))", plain: "")
    }

    public func finished(_ index: Int, summary: String) {
        update(index, summary, plain: "\(names[index]): \(summary)")
    }

    /// A line outside the per-run block (warnings, the summary table).
    public func message(_ text: String) {
        lock.lock(); defer { lock.unlock() }
        guard style != .quiet else { return }
        if style == .live, drawn > 0 {
            write("\u{1B}[\(drawn)F\u{1B}[J" + text + "\n")
            drawn = 0
            redraw()
        } else {
            write(text + "\n")
        }
    }

    /// Ends the live block so later output starts on a fresh line.
    public func end() {
        lock.lock(); defer { lock.unlock() }
        drawn = 0
    }

    private func update(_ index: Int, _ status: String, plain: String) {
        lock.lock(); defer { lock.unlock() }
        switch style {
        case .quiet: return
        case .plain: write(plain + "\n")
        case .live:
            guard index < lines.count else { return }
            lines[index] = "\(names[index]): \(status)"
            redraw()
        }
    }

    /// Moves up over the lines drawn before and writes them all again.
    private func redraw() {
        var text = drawn > 0 ? "\u{1B}[\(drawn)F" : ""
        for line in lines { text += "\u{1B}[2K" + line + "\n" }
        drawn = lines.count
        write(text)
    }

    static func format(_ value: Double) -> String {
        value.isFinite ? String(format: "%.4f", value) : (value.isNaN ? "nan" : "inf")
    }

    static func duration(_ seconds: Double) -> String {
        seconds < 60 ? String(format: "%.1fs", seconds) : String(format: "%dm%02ds", Int(seconds) / 60, Int(seconds) % 60)
    }
}
