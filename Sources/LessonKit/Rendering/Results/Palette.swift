/// Series colours: the Okabe–Ito palette, distinguishable with the common forms
/// of colour blindness. Black is left out (invisible in dark mode) and yellow is
/// last (weak on white). Every series also gets its own dash pattern and marker,
/// so charts read without colour at all.
enum Palette {
    static let colors = ["#E69F00", "#56B4E9", "#009E73", "#D55E00", "#0072B2", "#CC79A7", "#F0E442"]
    static let dashes = ["", "6 3", "2 3", "8 3 2 3", "4 4", "1 2", "10 4"]

    static func color(_ index: Int) -> String { colors[index % colors.count] }
    static func dash(_ index: Int) -> String { dashes[index % dashes.count] }
}
