/// A one-line text editor with the usual readline keys (Ctrl-A/E/U/W/K, arrows, history).
public struct LineEditor: Equatable, Sendable {
    public private(set) var text: [Character]
    /// Cursor position, 0...text.count.
    public private(set) var cursor: Int
    private var history: [String]
    private var historyIndex: Int
    private var draft: [Character] = []

    public init(text: String = "", history: [String] = []) {
        self.text = Array(text)
        cursor = self.text.count
        self.history = history
        historyIndex = history.count
    }

    public var string: String { String(text) }

    /// What a key does to the line; false when the key is not an editing key.
    public mutating func handle(_ key: EditorKey) -> Bool {
        switch key {
        case .insert(let character):
            text.insert(character, at: cursor)
            cursor += 1
        case .backspace:
            guard cursor > 0 else { return true }
            text.remove(at: cursor - 1)
            cursor -= 1
        case .delete:
            guard cursor < text.count else { return true }
            text.remove(at: cursor)
        case .left:
            cursor = max(cursor - 1, 0)
        case .right:
            cursor = min(cursor + 1, text.count)
        case .home:
            cursor = 0
        case .end:
            cursor = text.count
        case .killToStart:
            text.removeFirst(cursor)
            cursor = 0
        case .killToEnd:
            text.removeLast(text.count - cursor)
        case .killWord:
            var start = cursor
            while start > 0 && text[start - 1] == " " { start -= 1 }
            while start > 0 && text[start - 1] != " " && text[start - 1] != "/" { start -= 1 }
            if start == cursor && start > 0 { start -= 1 }
            text.removeSubrange(start..<cursor)
            cursor = start
        case .historyPrevious:
            guard historyIndex > 0 else { return true }
            if historyIndex == history.count { draft = text }
            historyIndex -= 1
            text = Array(history[historyIndex])
            cursor = text.count
        case .historyNext:
            guard historyIndex < history.count else { return true }
            historyIndex += 1
            text = historyIndex == history.count ? draft : Array(history[historyIndex])
            cursor = text.count
        }
        return true
    }
}

/// The editing operations a line editor knows.
public enum EditorKey: Equatable, Sendable {
    case insert(Character)
    case backspace, delete, left, right, home, end
    case killToStart, killToEnd, killWord
    case historyPrevious, historyNext
}
