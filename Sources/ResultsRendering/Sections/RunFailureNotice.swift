import Experiments

/// What a run that did not complete shows instead of numbers: where its loss
/// blew up (with the losses it had before and the hint from training), or why it
/// could not start.
struct RunFailureNotice {
    var run: RunResult

    func html() -> String {
        switch run.outcome {
        case .completed:
            return ""
        case .failed(let message):
            return "<div class=\"diverged\" role=\"alert\"><p><strong>\(Markup.escape(run.name))</strong> could not train: "
                + "\(Markup.escape(message))</p></div>"
        case let .diverged(epoch, step, hint):
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
}
