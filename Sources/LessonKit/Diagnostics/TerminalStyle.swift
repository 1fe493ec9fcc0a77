import Foundation

/// Whether to colour output: only on a terminal, never with `NO_COLOR` set
/// (https://no-color.org), never for `TERM=dumb`.
public enum TerminalStyle {
    public static func useColor(fileDescriptor: Int32 = 2,
                                environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isatty(fileDescriptor) == 1
    }
}
