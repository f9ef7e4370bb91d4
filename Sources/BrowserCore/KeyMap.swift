import BrowserConfig
import ScreenGrid

/// Which action each key runs.
public struct KeyMap: Equatable, Sendable {
    public var bindings: [Key: BrowserAction]

    public init(bindings: [Key: BrowserAction]) {
        self.bindings = bindings
    }

    public subscript(key: Key) -> BrowserAction? { bindings[key] }

    /// The keys bound to an action, for the help screen.
    public func keys(for action: BrowserAction) -> [Key] {
        bindings.filter { $0.value == action }.map(\.key).sorted { $0.displayName < $1.displayName }
    }

    /// Penny's default keys.
    public static let defaults = KeyMap(names: KeyBindings.defaults)

    /// A key map from a config's bindings by key name; names that are not keys are skipped.
    public init(names: [String: BrowserAction]) {
        var bindings: [Key: BrowserAction] = [:]
        for (name, action) in names {
            if let key = Key(name: name) {
                bindings[key] = action
            }
        }
        self.bindings = bindings
    }
}

extension Key {
    /// Reads a key name as config files write it: "j", "C-n", "M-x", "S-Tab", "PageDown", "F1", "Space".
    public init?(name: String) {
        switch name {
        case "Enter", "Return": self = .enter
        case "Tab": self = .tab
        case "S-Tab", "BackTab": self = .backTab
        case "Esc", "Escape": self = .escape
        case "Backspace": self = .backspace
        case "Delete": self = .delete
        case "Insert": self = .insert
        case "Up": self = .up
        case "Down": self = .down
        case "Left": self = .left
        case "Right": self = .right
        case "Home": self = .home
        case "End": self = .end
        case "PageUp": self = .pageUp
        case "PageDown": self = .pageDown
        case "Space": self = .character(" ")
        default:
            if name.hasPrefix("F"), let number = Int(name.dropFirst()), (1...12).contains(number) {
                self = .function(number)
            } else if name.hasPrefix("C-"), name.count == 3, let letter = name.last {
                self = .control(Character(letter.lowercased()))
            } else if name.hasPrefix("M-"), name.count == 3, let letter = name.last {
                self = .alt(letter)
            } else if name.count == 1, let character = name.first {
                self = .character(character)
            } else {
                return nil
            }
        }
    }

    /// The name a person reads on the help screen.
    public var displayName: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let character): return String(character)
        case .control(let character): return "Ctrl-" + character.uppercased()
        case .alt(let character): return "Alt-" + String(character)
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .insert: return "Insert"
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .function(let number): return "F\(number)"
        }
    }
}
