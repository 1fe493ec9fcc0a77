import Experiments

/// What a diverged run shows instead of numbers: where the loss blew up, the
/// losses it had before, and the hint from training.
struct DivergedRunNotice {
    var run: RunResult

    func html() -> String {
        guard case let .diverged(epoch, step, hint) = run.outcome else { return "" }
        var out = "<div class=\"diverged\" role=\"alert\"><p><strong>\(Markup.escape(run.name))</strong> diverged "
        out += "at epoch \(epoch), step \(step): no results to show. \(Markup.escape(hint))</p>"
        if !run.history.isEmpty {
            let losses = run.history.map { "epoch \($0.epoch): \(Markup.number($0.trainLoss, digits: 4))" }
            out += "<p>Training loss before that: \(Markup.escape(losses.joined(separator: "; "))).</p>"
        } else {
            out += "<p>Not one epoch finished, so there is nothing to measure.</p>"
        }
        return out + "</div>"
    }
}
