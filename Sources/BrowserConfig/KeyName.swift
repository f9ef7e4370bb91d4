/// A key as config files name it, normalised so that each key has one spelling.
///
/// Canonical names (`description`): a printable character as itself (`j`, `G`, `?`)
/// except `Space`; `C-a`…`C-z`; `M-` and a character; `Enter`, `Tab`, `S-Tab`, `Esc`,
/// `Backspace`, `Up`, `Down`, `Left`, `Right`, `PageUp`, `PageDown`, `Home`, `End`,
/// `Insert`, `Delete`, `F1`…`F12`.
public enum KeyName: Hashable, Sendable, CustomStringConvertible {
    /// A printable character without modifiers (a space is `Space`).
    case character(Character)
    /// Ctrl with a letter, stored lowercase: `.control("n")` is `C-n`.
    case control(Character)
    /// Meta (Alt) with a printable character.
    case meta(Character)
    case enter, tab, backTab, escape, backspace
    case up, down, left, right, pageUp, pageDown, home, end, insert, delete
    /// F1 to F12.
    case function(Int)

    /// Named keys by their canonical names.
    private static let named: [(String, KeyName)] = [
        ("Enter", .enter), ("Tab", .tab), ("S-Tab", .backTab), ("Esc", .escape), ("Backspace", .backspace),
        ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right), ("PageUp", .pageUp),
        ("PageDown", .pageDown), ("Home", .home), ("End", .end), ("Insert", .insert), ("Delete", .delete),
    ]

    /// Other spellings accepted, lowercase.
    private static let aliases: [String: KeyName] = [
        "return": .enter, "backtab": .backTab, "escape": .escape, "pgup": .pageUp, "pgdn": .pageDown,
        "pgdown": .pageDown, "ins": .insert, "del": .delete, "space": .character(" "), "spc": .character(" "),
    ]

    /// Parses a key name: canonical names in any letter case, `Ctrl-`/`Alt-`/`Meta-` for
    /// `C-`/`M-`, and a few aliases (`Return`, `Escape`, `BackTab`, `PgUp`, `PgDn`, `Del`…).
    /// `C-i` and `C-m` are `Tab` and `Enter`, which terminals cannot tell apart from them.
    /// Nil for anything else, including control characters.
    public init?(_ text: String) {
        if text.count == 1, let character = text.first {
            guard Self.isPrintable(character) else { return nil }
            self = .character(character)
            return
        }
        let lowered = text.lowercased()
        if let key = Self.named.first(where: { $0.0.lowercased() == lowered })?.1 ?? Self.aliases[lowered] {
            self = key
            return
        }
        if lowered.hasPrefix("f"), let number = Int(lowered.dropFirst()), (1...12).contains(number),
           lowered.dropFirst().allSatisfy(\.isASCII) {
            self = .function(number)
            return
        }
        for (prefixes, isControl) in [(["c-", "ctrl-", "ctrl+"], true), (["m-", "alt-", "meta-"], false)] {
            guard let prefix = prefixes.first(where: { lowered.hasPrefix($0) }) else { continue }
            let rest = String(text.dropFirst(prefix.count))
            if isControl {
                guard rest.count == 1, let letter = rest.first, letter.isASCII, letter.isLetter else { return nil }
                switch letter.lowercased() {
                case "i": self = .tab
                case "m": self = .enter
                default: self = .control(Character(letter.lowercased()))
                }
                return
            }
            if case .character(let character)? = KeyName(rest) {
                self = .meta(character)
                return
            }
            return nil
        }
        return nil
    }

    /// The canonical name, which `init?(_:)` reads back to the same key.
    public var description: String {
        switch self {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .control(let letter): "C-\(letter)"
        case .meta(" "): "M-Space"
        case .meta(let character): "M-\(character)"
        case .function(let number): "F\(number)"
        default: Self.named.first { $0.1 == self }?.0 ?? "?"
        }
    }

    /// Whether a key can type the character: space, or one that starts with a visible scalar.
    private static func isPrintable(_ character: Character) -> Bool {
        if character == " " { return true }
        switch character.unicodeScalars.first?.properties.generalCategory {
        case .control?, .format?, .surrogate?, .privateUse?, .unassigned?, .lineSeparator?, .paragraphSeparator?,
             .spaceSeparator?, nil:
            return false
        default:
            return true
        }
    }
}
