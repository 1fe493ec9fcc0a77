extension String {
    /// Without leading and trailing spaces (what `--set name= 3 ` means).
    public var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
