/// Numbering state of one open list.
struct ListState {
    enum Style {
        case bullet(String)
        case decimal, lowerAlpha, upperAlpha, lowerRoman, upperRoman
    }

    var style: Style
    var next: Int
    var step: Int
    /// Width of the widest marker, so numbers line up.
    var markerWidth: Int

    /// The marker for an item with `value`, e.g. "3." or "•".
    func marker(for value: Int) -> String {
        switch style {
        case .bullet(let symbol): return symbol
        case .decimal: return "\(value)."
        case .lowerAlpha: return ListState.alphabetic(value).map { $0 + "." } ?? "\(value)."
        case .upperAlpha: return ListState.alphabetic(value).map { $0.uppercased() + "." } ?? "\(value)."
        case .lowerRoman: return ListState.roman(value).map { $0 + "." } ?? "\(value)."
        case .upperRoman: return ListState.roman(value).map { $0.uppercased() + "." } ?? "\(value)."
        }
    }

    /// a, b, ... z, aa, ab ...; nil for values below 1.
    static func alphabetic(_ value: Int) -> String? {
        guard value >= 1 else { return nil }
        var value = value
        var letters: [Character] = []
        while value > 0 {
            value -= 1
            letters.append(Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8(value % 26))))
            value /= 26
        }
        return String(letters.reversed())
    }

    /// i, ii, iii, iv ...; nil outside 1...3999.
    static func roman(_ value: Int) -> String? {
        guard (1...3999).contains(value) else { return nil }
        let table: [(Int, String)] = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                                      (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        var value = value
        var result = ""
        for (amount, numeral) in table {
            while value >= amount {
                result += numeral
                value -= amount
            }
        }
        return result
    }

    /// The bullet for an unordered list at a nesting depth, or the one its `type` names.
    static func bullet(depth: Int, type: String?) -> String {
        switch type?.lowercased() {
        case "disc": return "•"
        case "circle": return "◦"
        case "square": return "▪"
        default: return ["•", "◦", "▪"][depth % 3]
        }
    }

    /// The numbering style an `ol type` names.
    static func orderedStyle(type: String?) -> Style {
        switch type {
        case "a": return .lowerAlpha
        case "A": return .upperAlpha
        case "i": return .lowerRoman
        case "I": return .upperRoman
        default: return .decimal
        }
    }
}
