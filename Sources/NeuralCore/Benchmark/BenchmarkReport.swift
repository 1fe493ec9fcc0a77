import Foundation

/// What `lessons bench` measures, as a table or JSON.
public struct BenchmarkReport: Codable, Sendable {
    public var gemmPaths: [String]
    public var selectedPath: String
    public var training: [TrainingMeasurement]
    public var gemm: [GEMMMeasurement]
    /// Peak resident set size of the process (getrusage `ru_maxrss`).
    public var peakMemoryBytes: Int
    /// What the training figures are compared with.
    public var peers: PeerFigures

    public init(training: [TrainingMeasurement], gemm: [GEMMMeasurement], peers: PeerFigures = .stored) {
        gemmPaths = GEMMPath.supported.map(\.rawValue)
        selectedPath = GEMMPath.current.rawValue
        self.training = training
        self.gemm = gemm
        self.peers = peers
        peakMemoryBytes = peakResidentBytes()
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    public func table() -> String {
        var lines = ["GEMM paths on this CPU: \(gemmPaths.joined(separator: ", ")); selected: \(selectedPath)", ""]
        if !training.isEmpty {
            let widths = [36, 10, 17, 5, 28, 11, 40, 10]
            lines.append(row(["model", "samples/s", "range", "runs", "vs best peer", "vs PyTorch", "target",
                              "final loss"], widths))
            for t in training {
                guard let model = BenchmarkModel(rawValue: t.model) else { continue }
                let versus = { (peer: PeerFigure?) in
                    peer.map { String(format: "%.2f×", t.samplesPerSecond / $0.samplesPerSecond) } ?? "-"
                }
                let best = peers.best(model)
                lines.append(row([
                    model.summary, String(format: "%.0f", t.samplesPerSecond),
                    String(format: "%.0f–%.0f", t.runSamplesPerSecond.min() ?? t.samplesPerSecond,
                           t.runSamplesPerSecond.max() ?? t.samplesPerSecond),
                    "\(max(t.runSamplesPerSecond.count, 1))",
                    best.map { versus($0) + " " + $0.name } ?? "-",
                    versus(peers.figure(model, "PyTorch eager")),
                    peers.target(model).map {
                        String(format: "%.0f (%@) %@", $0.samplesPerSecond, $0.against,
                               t.samplesPerSecond >= $0.samplesPerSecond ? "met" : "missed")
                    } ?? "-",
                    String(format: "%.4f", t.finalLoss),
                ], widths))
            }
            lines.append("peers: \(peers.source)")
            for t in training {
                guard let model = BenchmarkModel(rawValue: t.model), let figures = peers.models[t.model] else { continue }
                for peer in figures {
                    var text = String(format: "  %@, %@: %.0f samples/s", model.rawValue, peer.name, peer.samplesPerSecond)
                    if let slow = peer.slowest, let fast = peer.fastest {
                        text += String(format: " [%.0f–%.0f], %d runs", slow, fast, peer.runs ?? 0)
                    }
                    text += String(format: "; lessons %.2f×", t.samplesPerSecond / peer.samplesPerSecond)
                    if let fast = peer.fastest { text += String(format: " (%.2f× its fastest run)", t.samplesPerSecond / fast) }
                    lines.append(text)
                }
            }
            lines += placementLines()
            for t in training where (t.aloneShare ?? 0) > 0 {
                lines.append(String(format: "%@: %.0f%% of steps on one thread, which its step times showed faster than %d",
                                    t.model, (t.aloneShare ?? 0) * 100, t.gemmThreads))
            }
            lines.append("")
            for t in training {
                guard let phases = t.profile, !phases.isEmpty else { continue }
                let widths = [38, 10, 6]
                lines.append("step profile, \(t.model) (after the warm-up epoch):")
                lines.append(row(["phase", "ms/step", "share"], widths))
                let (parts, layers) = (phases.filter { $0.phase.contains(" · ") }, phases.filter { !$0.phase.contains(" · ") })
                for p in layers.sorted(by: { $0.share > $1.share }) {
                    lines.append(row([p.phase, String(format: "%.3f", p.millisecondsPerStep),
                                      String(format: "%.1f%%", p.share * 100)], widths))
                    // The layer's own parts, indented under it.
                    for part in parts.filter({ $0.phase.hasPrefix(p.phase + " · ") }).sorted(by: { $0.share > $1.share }) {
                        lines.append(row(["    " + part.phase.dropFirst(p.phase.count + 1),
                                          String(format: "%.3f", part.millisecondsPerStep),
                                          String(format: "%.1f%%", part.share * 100)], widths))
                    }
                }
                lines.append("")
            }
        }
        if !gemm.isEmpty {
            let widths = [22, 9, 8, 8, 17]
            lines.append(row(["GEMM m×n×k", "path", "threads", "GFLOP/s", "GFLOP/s per CPU-s"], widths))
            for g in gemm {
                let shape = GEMMShape(m: g.m, n: g.n, k: g.k, transposeA: g.transposeA ?? false,
                                      transposeB: g.transposeB ?? false)
                lines.append(row([shape.description, g.path, "\(g.threads)", String(format: "%.1f", g.gflops),
                                  g.gflopsPerCPUSecond.map { String(format: "%.1f", $0) } ?? "-"], widths))
            }
            lines.append("")
        }
        lines.append(String(format: "peak memory: %.1f MiB", Double(peakMemoryBytes) / 1_048_576))
        return lines.joined(separator: "\n")
    }

    /// The figures by placement of the two threads' cores (`CoreRoundTrip`).
    private func placementLines() -> [String] {
        guard training.contains(where: { !($0.placements ?? []).isEmpty }) else { return [] }
        var lines = ["by where the machine put the two threads (the round trip of a cache line between them, and "
                     + "whether they shared one core, before and after each run):"]
        for t in training {
            for group in t.placements ?? [] {
                lines.append(String(format: "  %@, round trip %.0f ns%@: %.0f samples/s [%.0f–%.0f], %d %@",
                                    t.model, group.roundTripNanoseconds, group.sharesOneCore ? ", one core shared" : "",
                                    group.samplesPerSecond, group.slowest, group.fastest, group.runs,
                                    group.runs == 1 ? "run" : "runs"))
            }
            if let changed = t.placementChangedRuns, changed > 0 {
                lines.append("  \(t.model): \(changed) \(changed == 1 ? "run" : "runs") during which the placement changed")
            }
        }
        return lines
    }

    private func row(_ cells: [String], _ widths: [Int]) -> String {
        var line = zip(cells, widths).map { $0.padding(toLength: max($1, $0.count), withPad: " ", startingAt: 0) }
            .joined(separator: " ")
        while line.last == " " { line.removeLast() }   // leading spaces indent a layer's parts
        return line
    }
}

/// Peak resident set size of this process in bytes.
public func peakResidentBytes() -> Int {
    var usage = rusage()
    #if os(Linux)
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Int(usage.ru_maxrss) * 1024  // kilobytes on Linux
    #else
    getrusage(RUSAGE_SELF, &usage)
    return Int(usage.ru_maxrss)  // bytes on macOS
    #endif
}
