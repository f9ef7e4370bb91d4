#if canImport(Glibc)
import Glibc
#endif

extension PseudoTerminalSession {
    /// Waits until `text` is on the screen; on timeout throws with the whole screen and the
    /// last bytes received.
    public func waitFor(text: String, timeout: Duration = .seconds(10)) throws {
        try waitUntil(timeout: timeout, "the text \"\(text)\"") { $0.screenText.contains(text) }
    }

    /// Waits until `condition` holds, reading output meanwhile; on timeout throws with
    /// `description`, the whole screen and the last bytes received.
    public func waitUntil(timeout: Duration = .seconds(10), _ description: String = "the condition",
                          _ condition: (PseudoTerminalSession) -> Bool) throws {
        let deadline = ContinuousClock.now + timeout
        while true {
            pump()
            if condition(self) { return }
            guard ContinuousClock.now < deadline else {
                throw PseudoTerminalError.timedOut(report("Timed out after \(timeout) waiting for \(description)."))
            }
            if !pump(waitingUpTo: 20) && (outputEnded || master < 0) {
                // Nothing more can arrive from the terminal; the condition may still be about the process.
                usleep(10_000)
            }
        }
    }

    /// Waits for the program to exit and returns its exit code, or 128 + the signal that
    /// ended it (as a shell reports it); reads all remaining output first.
    @discardableResult
    public func waitForExit(timeout: Duration = .seconds(10)) throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while waitStatus == nil {
            var status: Int32 = 0
            let result = waitpid(processID, &status, WNOHANG)
            if result == processID {
                waitStatus = status
                break
            }
            guard ContinuousClock.now < deadline else {
                throw PseudoTerminalError.timedOut(report("Timed out after \(timeout) waiting for the program to exit."))
            }
            if !pump(waitingUpTo: 20) {
                usleep(5_000)
            }
        }
        // What the program wrote just before exiting is still in the terminal.
        let drainDeadline = ContinuousClock.now + .milliseconds(500)
        while !outputEnded && master >= 0 && ContinuousClock.now < drainDeadline {
            if !pump(waitingUpTo: 20) { break }
        }
        return exitCode!
    }

    /// The exit code once the program has been reaped: its status, or 128 + signal.
    public var exitCode: Int32? {
        guard let status = waitStatus else { return nil }
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    /// The signal that ended the program, if one did.
    public var terminationSignal: Int32? {
        guard let status = waitStatus, status & 0x7F != 0 else { return nil }
        return status & 0x7F
    }

    /// A failure message: the headline, the screen with row numbers, the cursor and modes,
    /// the last bytes received (escaped) and whether the program still runs.
    func report(_ headline: String) -> String {
        let cursor = screen.cursor
        var lines = [headline]
        lines.append("Screen \(screen.width)x\(screen.height)\(screen.isAlternateScreen ? " (alternate)" : " (primary)"), "
            + "cursor at \(cursor.x),\(cursor.y) \(cursor.isVisible ? "visible" : "hidden"):")
        for y in 0..<screen.height {
            let number = String(y)
            lines.append(String(repeating: " ", count: max(0, 3 - number.count)) + number + "|" + screen.row(y))
        }
        let tail = Array(recentOutput.suffix(500))
        lines.append("Last \(tail.count) bytes received: \(Escaping.readable(tail))")
        if let code = exitCode {
            lines.append("The program exited with \(code).")
        } else {
            lines.append("The program (pid \(processID)) is still running.")
        }
        lines.append("Cast: \(castFile.path)")
        return lines.joined(separator: "\n")
    }
}
