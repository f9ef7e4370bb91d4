import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Starting a program on a new pseudo-terminal.
enum ChildProcess {
    /// Serialises spawning so no other session's fork inherits a descriptor before it is
    /// marked close-on-exec (an inherited master would keep a hang-up from arriving).
    private static let spawnLock = NSLock()

    /// Forks on a new pseudo-terminal of the given size and runs `path`; returns the child's
    /// pid and the master side. Everything is built before forking; the child only makes
    /// async-signal-safe calls: it clears the signal mask and ignored signals (a test runner's
    /// worker thread blocks nearly every signal, and both survive exec), then execs.
    static func spawn(path: String, arguments: [String], environment: [String: String],
                      width: Int, height: Int) throws -> (pid: pid_t, master: Int32) {
        guard access(path, X_OK) == 0 else { throw PseudoTerminalError.cannotStart("\(path) is not an executable file") }
        let argv = CStringArray([path] + arguments)
        let envp = CStringArray(environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
        defer {
            argv.free()
            envp.free()
        }
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        var master: Int32 = -1
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        spawnLock.lock()
        defer { spawnLock.unlock() }
        let pid = forkpty(&master, nil, nil, &size)
        if pid == 0 {
            // A plain loop: generic code could take a runtime lock another thread held at fork.
            var number: Int32 = 1
            while number < 32 {
                if number != SIGKILL && number != SIGSTOP { Glibc.signal(number, SIG_DFL) }
                number += 1
            }
            sigprocmask(SIG_SETMASK, &noSignals, nil)
            execve(path, argv.pointer, envp.pointer)
            _exit(127)
        }
        guard pid > 0 else { throw PseudoTerminalError.cannotStart("forkpty failed: \(String(cString: strerror(errno)))") }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        return (pid, master)
    }
}

/// A NULL-terminated array of C strings for execve, allocated before the fork.
struct CStringArray {
    let pointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
    private let count: Int

    init(_ strings: [String]) {
        count = strings.count
        pointer = .allocate(capacity: strings.count + 1)
        for (index, string) in strings.enumerated() {
            pointer[index] = strdup(string)
        }
        pointer[strings.count] = nil
    }

    func free() {
        for index in 0..<count {
            Glibc.free(pointer[index])
        }
        pointer.deallocate()
    }
}
