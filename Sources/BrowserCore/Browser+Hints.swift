import PageLayout
import ScreenGrid

extension Browser {
    /// Letters for hint labels, home row first.
    static let hintAlphabet = Array("asdfghjklqwertyuiopzxcvbnm")

    /// The links on screen with their labels.
    static func hintTargets(_ state: BrowserState) -> [(label: String, link: Int, position: LinePosition)] {
        guard let current = state.current, let page = current.page else { return [] }
        let top = current.scroll
        let bottom = top + state.pageHeight
        var visible: [(Int, LinePosition)] = []
        for (index, link) in page.links.enumerated() {
            if let position = link.positions.first(where: { $0.line >= top && $0.line < bottom }) {
                visible.append((index, position))
            }
        }
        visible.sort { ($0.1.line, $0.1.start) < ($1.1.line, $1.1.start) }
        let labels = hintLabels(count: visible.count)
        return zip(labels, visible).map { ($0, $1.0, $1.1) }
    }

    /// `count` labels of equal length, as short as the alphabet allows.
    public static func hintLabels(count: Int) -> [String] {
        let letters = hintAlphabet
        var length = 1
        var capacity = letters.count
        while capacity < count {
            length += 1
            capacity *= letters.count
        }
        return (0..<count).map { number in
            var value = number
            var label: [Character] = []
            for _ in 0..<length {
                label.append(letters[value % letters.count])
                value /= letters.count
            }
            return String(label.reversed())
        }
    }

    static func handleHintKey(_ state: inout BrowserState, _ typed: String, _ key: Key) -> [BrowserEffect] {
        switch key {
        case .escape, .control("c"):
            state.mode = .browsing
            return []
        case .backspace:
            state.mode = .hints(typed: String(typed.dropLast()))
            return []
        case .character(let character):
            let text = typed + String(character).lowercased()
            let targets = hintTargets(state)
            if let exact = targets.first(where: { $0.label == text }) {
                state.mode = .browsing
                return followLink(&state, exact.link)
            }
            if targets.contains(where: { $0.label.hasPrefix(text) }) {
                state.mode = .hints(typed: text)
            } else {
                state.mode = .browsing
                state.status = .error("No link labelled \(text).")
            }
            return []
        default:
            return []
        }
    }
}
