import JSONWriting
import Glibc
import PennyDump

/// `penny --record FILE.cast`: runs the browser on a pseudo-terminal of its own and copies
/// everything between it and the real terminal, writing an asciicast v2 recording (output,
/// and keystrokes with `--record-input`) that `asciinema play` replays.
struct SessionRecorder {
    var castPath: String
    var recordInput: Bool
    /// The browser's own arguments, without the recording options.
    var arguments: [String]

    /// Runs the recorded session and returns the browser's exit status.
    func run() throws -> Int32 {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            Console.error("--record needs an interactive terminal.")
            return ExitStatus.noTerminal
        }
        let castFile = open(castPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard castFile >= 0 else {
            Console.error("cannot write \(castPath): \(String(cString: strerror(errno)))")
            return ExitStatus.loadFailed
        }
        defer { close(castFile) }
        var size = winsize()
        _ = ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size)
        let environment = ProcessEnvironment.current
        var header = "{\"version\": 2, \"width\": \(size.ws_col), \"height\": \(size.ws_row), \"timestamp\": \(time(nil))"
        header += ", \"env\": {\"TERM\": \(JSONWriter.string(environment["TERM"] ?? "", escapingTerminalControls: true)), \"SHELL\": \(JSONWriter.string(environment["SHELL"] ?? "", escapingTerminalControls: true))}}\n"
        CastText.write(castFile, header)

        // Everything the child needs is built before forking: it only calls execv.
        let executable = Self.ownExecutable()
        var argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var master: Int32 = -1
        let child = forkpty(&master, nil, nil, &size)
        if child == 0 {
            execv(argv[0]!, &argv)
            _exit(127)
        }
        guard child > 0 else {
            Console.error("cannot start a pseudo-terminal: \(String(cString: strerror(errno)))")
            return ExitStatus.noTerminal
        }
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var raw = saved
        cfmakeraw(&raw)
        tcsetattr(STDIN_FILENO, TCSANOW, &raw)
        defer { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
        SessionRecorder.installResizeFlag()

        let start = Self.now()
        var output = CastText.UTF8Joiner()
        var input = CastText.UTF8Joiner()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0), pollfd(fd: master, events: Int16(POLLIN), revents: 0)]
        loop: while true {
            if SessionRecorder.resized != 0 {
                SessionRecorder.resized = 0
                _ = ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size)
                _ = ioctl(master, UInt(TIOCSWINSZ), &size)
                CastText.write(castFile, "[\(Self.elapsed(since: start)), \"r\", \"\(size.ws_col)x\(size.ws_row)\"]\n")
            }
            fds[0].revents = 0
            fds[1].revents = 0
            if poll(&fds, 2, 500) < 0 {
                if errno == EINTR { continue }
                break
            }
            if fds[1].revents != 0 {
                let count = read(master, &buffer, buffer.count)
                if count <= 0 { break loop }
                _ = buffer.withUnsafeBytes { FileDescriptor.writeAll(STDOUT_FILENO, UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
                if let text = output.take(buffer[0..<count]) {
                    CastText.write(castFile, "[\(Self.elapsed(since: start)), \"o\", \(JSONWriter.string(text, escapingTerminalControls: true))]\n")
                }
            }
            if fds[0].revents != 0 {
                let count = read(STDIN_FILENO, &buffer, buffer.count)
                if count <= 0 { break loop }
                _ = buffer.withUnsafeBytes { FileDescriptor.writeAll(master, UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
                if recordInput, let text = input.take(buffer[0..<count]) {
                    CastText.write(castFile, "[\(Self.elapsed(since: start)), \"i\", \(JSONWriter.string(text, escapingTerminalControls: true))]\n")
                }
            }
        }
        close(master)
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS, spelled out: the macros do not import.
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    nonisolated(unsafe) static var resized: sig_atomic_t = 0

    static func installResizeFlag() {
        signal(SIGWINCH) { _ in SessionRecorder.resized = 1 }
    }

    static func ownExecutable() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        return count > 0 ? String(cString: buffer) : CommandLine.arguments[0]
    }

    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    static func elapsed(since start: Double) -> String {
        let seconds = now() - start
        let micros = Int(seconds * 1_000_000)
        let fraction = String(micros % 1_000_000)
        return "\(micros / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }
}

/// Text for cast files: JSON strings, and UTF-8 kept whole across reads.
enum CastText {
    static func write(_ descriptor: Int32, _ text: String) {
        var text = text
        text.withUTF8 { _ = FileDescriptor.writeAll(descriptor, UnsafeRawBufferPointer($0)) }
    }

    /// Holds back the start of a UTF-8 sequence cut by a read until the rest arrives.
    struct UTF8Joiner {
        private var held: [UInt8] = []

        mutating func take(_ bytes: ArraySlice<UInt8>) -> String? {
            var chunk = held + bytes
            held = []
            var index = chunk.count - 1
            var continuation = 0
            while index >= 0 && continuation < 3 && chunk[index] & 0xC0 == 0x80 {
                continuation += 1
                index -= 1
            }
            if index >= 0 {
                let needed: Int
                switch chunk[index] {
                case 0xC0..<0xE0: needed = 2
                case 0xE0..<0xF0: needed = 3
                case 0xF0..<0xF8: needed = 4
                default: needed = 0
                }
                if needed > continuation + 1 {
                    held = Array(chunk[index...])
                    chunk.removeSubrange(index...)
                }
            }
            return chunk.isEmpty ? nil : String(decoding: chunk, as: UTF8.self)
        }
    }
}
