/// Series styles. Colours follow Okabe–Ito hues but each of the first five sits at its
/// own lightness (L* 46, 60, 22, 35, 10 on the light page; 70, 82, 45, 57, 95 in dark
/// mode), so they stay apart in greyscale and under deuteranopia and protanopia, and
/// keep 3:1 against the page. Each mark carries the stylesheet's `series-N` class,
/// whose colours switch to the dark variants in dark mode; the attribute colours below
/// (the light variants, same order) are the fallback without the stylesheet.
/// Every series also gets its own dash pattern and marker shape, so charts read without
/// colour at all: series i has colour i mod 8, dash i mod 8 and marker (i + i/8) mod 8,
/// so no two of the first 64 share both colour and marker.
public enum Palette {
    static let colors = ["#0072b2", "#e36f00", "#003d2a", "#8e2a6a", "#000070", "#8a7f00", "#b03030", "#707070"]
    static let darkColors = ["#56b4e9", "#ffc04d", "#1c7a50", "#d4629f", "#eeeeff", "#b0a030", "#ff7b6b", "#bbbbbb"]
    static let dashes = ["", "6 3", "2 3", "8 3 2 3", "4 4", "1 2", "10 4", "12 3 3 3"]

    enum Marker: Int, CaseIterable { case circle, square, diamond, triangle, triangleDown, plus, cross, ring }

    static func color(_ index: Int) -> String { colors[index % colors.count] }
    static func dash(_ index: Int) -> String { dashes[index % dashes.count] }
    static func marker(_ index: Int) -> Marker { Marker.allCases[(index + index / colors.count) % Marker.allCases.count] }
    /// The stylesheet class of series `index` (0-based).
    static func seriesClass(_ index: Int) -> String { "series-\(index % colors.count + 1)" }

    /// The stylesheet's custom properties for the light or dark page.
    public static func cssVariables(dark: Bool) -> String {
        (dark ? darkColors : colors).enumerated().map { "--series-\($0.offset + 1): \($0.element);" }.joined(separator: " ")
    }
}
