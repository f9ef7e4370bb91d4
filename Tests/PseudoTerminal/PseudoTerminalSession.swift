import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program running on a pseudo-terminal whose screen is read back through libvterm: the
/// harness for recorded UI tests. Every session is written as an asciicast file.
///
/// Not thread-safe: use a session from one test. Output is read whenever the session is
/// asked about the screen or waits, so the program never blocks on a full terminal for long.
public final class PseudoTerminalSession {
    public let processID: pid_t
    /// The name the cast file is given.
    public let name: String
    /// The asciicast v2 recording of this session.
    public var castFile: URL { recorder.url }
    /// `PENNY_HOME` of the program: a fresh temporary folder unless one was given.
    public let homeDirectory: String

    var master: Int32
    let screen: VirtualScreen
    let recorder: CastRecorder
    /// The last bytes the program wrote, for failure messages.
    var recentOutput: [UInt8] = []
    /// The master read end of file: every slave descriptor is closed.
    var outputEnded = false
    /// The raw `waitpid` status once the program has been reaped.
    var waitStatus: Int32?
    private let ownsHome: Bool
    private var isStopped = false

    /// Starts `executable` on an 80x24 (by default) xterm-256color terminal with a UTF-8
    /// locale, a clean environment plus `environment`, without the `unsetting` variables.
    public init(executable: String, arguments: [String] = [], environment: [String: String] = [:],
                unsetting: Set<String> = [], width: Int = 80, height: Int = 24, home: String? = nil,
                name: String = #function) throws {
        self.name = Self.fileName(for: name)
        if let home {
            homeDirectory = home
            ownsHome = false
        } else {
            homeDirectory = try Self.makeTemporaryFolder()
            ownsHome = true
        }
        var variables = [
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": homeDirectory,
            "PENNY_HOME": homeDirectory,
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "SHELL": "/bin/sh",
        ]
        variables.merge(environment) { $1 }
        for key in unsetting { variables[key] = nil }

        screen = VirtualScreen(width: width, height: height)
        recorder = try CastRecorder(name: self.name, width: width, height: height, environment: variables)
        do {
            (processID, master) = try ChildProcess.spawn(path: executable, arguments: arguments,
                                                         environment: variables, width: width, height: height)
        } catch {
            recorder.close()
            throw error
        }
    }

    deinit {
        stop()
    }

    /// Ends the session: kills the program if it still runs (and reaps it), closes the
    /// terminal and the cast, and removes the temporary home folder.
    public func stop() {
        guard !isStopped else { return }
        isStopped = true
        if waitStatus == nil {
            kill(processID, SIGKILL)
            var status: Int32 = 0
            while waitpid(processID, &status, 0) < 0 && errno == EINTR {}
            waitStatus = status
        }
        if master >= 0 {
            close(master)
            master = -1
        }
        recorder.close()
        if ownsHome {
            try? FileManager.default.removeItem(atPath: homeDirectory)
        }
    }

    /// Reads what the program wrote, waiting up to `milliseconds` for the first bytes;
    /// returns whether anything arrived.
    @discardableResult
    func pump(waitingUpTo milliseconds: Int32 = 0) -> Bool {
        guard master >= 0, !outputEnded else { return false }
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, milliseconds) > 0 else { return false }
        var received = false
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer.withUnsafeBytes { consume(UnsafeRawBufferPointer(rebasing: $0.prefix(count))) }
                received = true
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                // EAGAIN: drained for now. EIO or 0: the program and its children closed the terminal.
                if count == 0 || errno != EAGAIN { outputEnded = true }
                break
            }
        }
        return received
    }

    private func consume(_ bytes: UnsafeRawBufferPointer) {
        recorder.record(.output, bytes)
        recentOutput += bytes
        if recentOutput.count > 2000 { recentOutput.removeFirst(recentOutput.count - 500) }
        screen.feed(bytes)
        // Answer what the program asked the terminal (cursor position, device attributes).
        let replies = screen.takeReplies()
        if !replies.isEmpty { writeToProgram(replies) }
    }

    /// Writes bytes to the program's input, reading its output meanwhile so neither side
    /// blocks; gives up after two seconds.
    func writeToProgram(_ bytes: [UInt8]) {
        guard master >= 0, !bytes.isEmpty else { return }
        recorder.record(.input, bytes)
        var offset = 0
        let deadline = ContinuousClock.now + .seconds(2)
        while offset < bytes.count && ContinuousClock.now < deadline {
            let written = bytes.withUnsafeBytes { write(master, $0.baseAddress! + offset, bytes.count - offset) }
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EAGAIN {
                pump(waitingUpTo: 10)
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                break
            }
        }
    }

    /// A file name from a test name: `keysAreDecoded()` → `keysAreDecoded`.
    static func fileName(for name: String) -> String {
        let trimmed = name.hasSuffix("()") ? String(name.dropLast(2)) : name
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        var cleaned = String(trimmed.map { allowed.contains($0) ? $0 : "-" })
        while cleaned.last == "-" { cleaned.removeLast() }
        return cleaned.isEmpty ? "session" : cleaned
    }

    private static func makeTemporaryFolder() throws -> String {
        var template = Array((NSTemporaryDirectory() + "/penny-home-XXXXXX").utf8CString)
        guard let path = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw PseudoTerminalError.cannotStart("cannot create a temporary PENNY_HOME")
        }
        return String(cString: path)
    }
}
