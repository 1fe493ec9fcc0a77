/// The course shrunk for the binary oracle: image counts and epochs cut to a
/// few, so a mutant that plans trains in about a second, while the code it runs
/// (datasets, models, losses, seeds, sweeps, claims, the site) stays the course's.
public enum TinyCourse {
    public static func shrunk(_ text: String) -> String {
        var out = text
        out.replace(/(train|validation|test):\s*[A-Za-z0-9_]+/) { "\($0.output.1): \(Self.images[String($0.output.1)] ?? 40)" }
        out.replace(/let epochs = [0-9_]+/) { _ in "let epochs = 1" }
        out.replace(/epochs: [0-9_]+/) { _ in "epochs: 1" }
        return out
    }

    static let images = ["train": 200, "validation": 50, "test": 100]
}
