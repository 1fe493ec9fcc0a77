import Foundation
import Synchronization

/// Progress of a lesson's runs on stderr.
///
/// On a terminal: one live line per run, redrawn in place (name, epoch/total,
/// loss, ETA). Otherwise (CI logs, pipes): one plain line per event, nothing
/// redrawn. `.quiet` prints nothing. Thread-safe: runs report from worker threads.
public final class ProgressReporter: Sendable {
    public enum Style: Sendable { case live, plain, quiet }

    /// What the live block shows; text is written while it is held, so lines never interleave.
    private struct State {
        var names: [String] = []
        var lines: [String] = []
        var drawn = 0
        var started: [Int: Date] = [:]
        var lastStepDraw = Date.distantPast
    }

    public let style: Style
    private let write: @Sendable (String) -> Void
    private let state = Mutex(State())

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
        state.withLock { s in
            s.names = runs
            s.lines = runs.map { "\($0): waiting" }
            s.drawn = 0
            s.started = [:]
            if style == .live { redraw(&s) }
        }
    }

    public func cached(_ index: Int) {
        update(index, "cached", plain: "cached, nothing to train")
    }

    public func started(_ index: Int, epochs: Int) {
        state.withLock { $0.started[index] = Date() }
        update(index, "epoch 0/\(epochs)", plain: "training \(epochs) epoch\(epochs == 1 ? "" : "s")")
    }

    public func epoch(_ index: Int, epoch: Int, of total: Int, loss: Double) {
        let elapsed = state.withLock { s in s.started[index].map { Date().timeIntervalSince($0) } ?? 0 }
        let eta = epoch > 0 ? elapsed / Double(epoch) * Double(total - epoch) : 0
        let text = "epoch \(epoch)/\(total)  loss \(Self.format(loss))  ETA \(Self.duration(eta))"
        update(index, text, plain: text)
    }

    /// Within an epoch (live style only; redrawn at most ten times a second).
    public func step(_ index: Int, epoch: Int, of total: Int, done: Double, loss: Double) {
        let elapsed: Double? = state.withLock { s in
            let now = Date()
            guard style == .live, now.timeIntervalSince(s.lastStepDraw) >= 0.1 else { return nil }
            s.lastStepDraw = now
            return s.started[index].map { now.timeIntervalSince($0) } ?? 0
        }
        guard let elapsed else { return }
        let eta = done > 0 ? elapsed / done * (1 - done) : 0
        update(index, "epoch \(epoch)/\(total)  \(Int(done * 100))%  loss \(Self.format(loss))  ETA \(Self.duration(eta))", plain: nil)
    }

    public func finished(_ index: Int, summary: String) {
        update(index, summary, plain: summary)
    }

    /// A line outside the per-run block (warnings, the summary table).
    public func message(_ text: String) {
        state.withLock { s in
            guard style != .quiet else { return }
            if style == .live, s.drawn > 0 {
                write("\u{1B}[\(s.drawn)F\u{1B}[J" + text + "\n")
                s.drawn = 0
                redraw(&s)
            } else {
                write(text + "\n")
            }
        }
    }

    /// Ends the live block so later output starts on a fresh line.
    public func end() {
        state.withLock { $0.drawn = 0 }
    }

    /// `plain`: the plain style's line after the run's name (nil: no plain line).
    private func update(_ index: Int, _ status: String, plain: String?) {
        state.withLock { s in
            switch style {
            case .quiet: return
            case .plain: if let plain { write("\(s.names[index]): \(plain)\n") }
            case .live:
                guard index < s.lines.count else { return }
                s.lines[index] = "\(s.names[index]): \(status)"
                redraw(&s)
            }
        }
    }

    /// Moves up over the lines drawn before and writes them all again.
    private func redraw(_ s: inout State) {
        var text = s.drawn > 0 ? "\u{1B}[\(s.drawn)F" : ""
        for line in s.lines { text += "\u{1B}[2K" + line + "\n" }
        s.drawn = s.lines.count
        write(text)
    }

    static func format(_ value: Double) -> String {
        value.isFinite ? String(format: "%.4f", value) : (value.isNaN ? "nan" : "inf")
    }

    static func duration(_ seconds: Double) -> String {
        seconds < 60 ? String(format: "%.1fs", seconds) : String(format: "%dm%02ds", Int(seconds) / 60, Int(seconds) % 60)
    }
}
