import ScreenGrid

/// Reading the colour and attribute values of theme files.
enum ThemeValues {
    /// Colour names and the palette index each stands for.
    static let colourNames: [String: UInt8] = [
        "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
        "bright-black": 8, "bright-red": 9, "bright-green": 10, "bright-yellow": 11,
        "bright-blue": 12, "bright-magenta": 13, "bright-cyan": 14, "bright-white": 15,
    ]

    /// Attribute names as theme files write them.
    static let attributeNames: [(String, CellAttributes)] = [
        ("bold", .bold), ("dim", .dim), ("italic", .italic), ("underline", .underline),
        ("reverse", .reverse), ("strikethrough", .strikethrough),
    ]

    /// A colour written as `default`, a name, `#rrggbb` / `#rgb`, or (as a string) a number; nil if none of those.
    static func colour(_ text: String) -> Color? {
        let lowered = text.lowercased()
        if lowered == "default" { return .default }
        if let index = colourNames[lowered] { return .indexed(index) }
        if let index = UInt8(lowered) { return .indexed(index) }
        guard lowered.hasPrefix("#") else { return nil }
        let digits = Array(lowered.dropFirst())
        guard digits.count == 3 || digits.count == 6, digits.allSatisfy(\.isHexDigit) else { return nil }
        let pairs = digits.count == 6
            ? stride(from: 0, to: 6, by: 2).map { String(digits[$0...$0 + 1]) }
            : digits.map { String([$0, $0]) }
        guard let red = Int(pairs[0], radix: 16), let green = Int(pairs[1], radix: 16),
              let blue = Int(pairs[2], radix: 16) else { return nil }
        return .indexed(XtermPalette.nearestIndex(to: XtermPalette.RGB(red: red, green: green, blue: blue)))
    }

    /// A colour written as a palette index; nil outside 0...255.
    static func colour(index: Int) -> Color? {
        UInt8(exactly: index).map(Color.indexed)
    }

    /// One attribute by name; nil if unknown.
    static func attribute(_ name: String) -> CellAttributes? {
        attributeNames.first { $0.0 == name.lowercased() }?.1
    }
}
