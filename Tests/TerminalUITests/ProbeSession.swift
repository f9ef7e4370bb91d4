import PseudoTerminal

/// Starts the TerminalProbe program on a pseudo-terminal and waits for its first frame.
func startProbe(_ arguments: [String] = [], environment: [String: String] = [:], width: Int = 80, height: Int = 24,
                name: String = #function) throws -> PseudoTerminalSession {
    let session = try PseudoTerminalSession(executable: probePath(), arguments: arguments, environment: environment,
                                            width: width, height: height, name: "TerminalUI-" + name)
    try session.waitForFrame(count: 0)
    return session
}

func probePath() throws -> String {
    try PseudoTerminalSession.executable(named: "TerminalProbe")
}

extension PseudoTerminalSession {
    /// Waits until the probe's frame after `count` events is complete: curses paints top to
    /// bottom, and "END" sits in the bottom-right corner.
    func waitForFrame(count: Int) throws {
        try waitUntil("the frame after \(count) events") { session in
            let rows = session.screenRows
            return rows[7] == "count: \(count)" && rows[rows.count - 1].hasSuffix("END")
        }
    }

    /// Waits for the probe to have handled `count` events in all, then returns its "last:" line.
    func lastEvent(afterCount count: Int) throws -> String {
        try waitForFrame(count: count)
        return screenRows[4]
    }

    /// Whether the terminal is back to normal: primary screen, cursor visible.
    var isRestored: Bool { !isAlternateScreen && cursor.isVisible }
}
