import TerminalText

/// Server text on its way into an offer or a report line: made terminal-safe and cut short.
///
/// Every string a server chose and Penny may print passes through here, so no byte of a
/// header or body can act as an escape sequence and no field can flood the screen.
enum DisplayText {
    /// The longest a single field may be on screen, in code points.
    static let fieldLimit = 200
    /// The longest a message or description may be, in code points.
    static let messageLimit = 500

    /// `text` sanitized and cut to `limit` code points, with "…" marking a cut.
    static func clean<S: StringProtocol>(_ text: S, limit: Int = fieldLimit) -> String {
        // Count code points, not characters: one grapheme cluster of a million combining
        // marks would otherwise slip through a character limit whole.
        let scalars = text.unicodeScalars
        guard let cut = scalars.index(scalars.startIndex, offsetBy: limit, limitedBy: scalars.endIndex),
              cut != scalars.endIndex else {
            return TerminalSafe.sanitize(text)
        }
        var head = String.UnicodeScalarView()
        head.append(contentsOf: scalars[..<cut])
        return TerminalSafe.sanitize(String(head)) + "…"
    }

    /// A quoted fragment of a rejected value, for an "unusable offer" line.
    static func quoted<S: StringProtocol>(_ text: S, limit: Int = 40) -> String {
        "\"" + clean(text, limit: limit) + "\""
    }
}
