/// Series colours: the Okabe–Ito palette, darkened where needed for 3:1 against the page, distinguishable with the common forms
/// of colour blindness. Each mark carries the stylesheet's `series-N` class, whose
/// colours switch to lighter variants in dark mode; the attribute colours below
/// (the light variants, same order) are the fallback without the stylesheet.
/// Every series also gets its own dash pattern and marker, so charts read
/// without colour at all.
enum Palette {
    static let colors = ["#0072b2", "#b55d00", "#007a5a", "#b5487f", "#2f80b5", "#c24f00", "#857500", "#555555"]
    static let dashes = ["", "6 3", "2 3", "8 3 2 3", "4 4", "1 2", "10 4", "12 3 3 3"]

    static func color(_ index: Int) -> String { colors[index % colors.count] }
    static func dash(_ index: Int) -> String { dashes[index % dashes.count] }
    /// The stylesheet class of series `index` (0-based).
    static func seriesClass(_ index: Int) -> String { "series-\(index % colors.count + 1)" }
}
