import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process started with `posix_spawn`, its standard output and error captured as
/// raw bytes, reaped with `wait4` so that its own peak memory (`ru_maxrss`) is known.
///
/// Foundation's `Process` reaps children on its own thread and drops their resource usage;
/// these tests need both the bytes exactly as written and the memory of each child.
final class Child: @unchecked Sendable {
    struct Outcome {
        /// The exit code, or 128 + the signal that ended the child.
        var status: Int32
        var signal: Int32?
        var standardOutput: [UInt8]
        var standardError: [UInt8]
        /// Peak resident memory of the child, in bytes.
        var maxRSS: Int
        var elapsed: Duration

        var outputText: String { String(decoding: standardOutput, as: UTF8.self) }
        var errorText: String { String(decoding: standardError, as: UTF8.self) }
        var exitedNormally: Bool { signal == nil }
    }

    let pid: pid_t
    private let started = ContinuousClock.now
    private let output: PipeReader
    private let error: PipeReader

    /// Starts `path` with `arguments` in `environment` (nothing inherited), standard input
    /// from /dev/null. The signal mask and dispositions are reset to the defaults: a test
    /// runner's threads block signals, and both survive exec.
    init(_ path: String, _ arguments: [String], environment: [String: String]) throws {
        var outputPipe: [Int32] = [0, 0]
        var errorPipe: [Int32] = [0, 0]
        guard pipe(&outputPipe) == 0, pipe(&errorPipe) == 0 else {
            throw ChildError("pipe failed: \(String(cString: strerror(errno)))")
        }
        // Close-on-exec, so no other child keeps a pipe open (dup2 clears it on 1 and 2).
        for descriptor in outputPipe + errorPipe { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errorPipe[1], 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let result = posix_spawn(&child, path, &actions, &attributes, argv, envp)
        close(outputPipe[1])
        close(errorPipe[1])
        guard result == 0 else {
            close(outputPipe[0])
            close(errorPipe[0])
            throw ChildError("cannot start \(path): \(String(cString: strerror(result)))")
        }
        pid = child
        output = PipeReader(outputPipe[0])
        error = PipeReader(errorPipe[0])
    }

    /// What the child wrote to standard output so far.
    var outputSoFar: [UInt8] { output.snapshot() }

    /// Sends `signal` to the child (if it still runs).
    func send(_ signal: Int32) {
        kill(pid, signal)
    }

    /// Waits for the child to end, killing it (SIGKILL) after `timeout`; returns what it did.
    func wait(timeout: Duration = .seconds(60)) -> Outcome {
        let deadline = ContinuousClock.now + timeout
        var status: Int32 = 0
        var usage = rusage()
        while true {
            let reaped = wait4(pid, &status, WNOHANG, &usage)
            if reaped == pid { break }
            if reaped < 0 && errno != EINTR { break }
            if ContinuousClock.now >= deadline {
                kill(pid, SIGKILL)
                while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
                break
            }
            usleep(2_000)
        }
        let elapsed = ContinuousClock.now - started
        let signal = status & 0x7F
        return Outcome(status: signal == 0 ? (status >> 8) & 0xFF : 128 + signal, signal: signal == 0 ? nil : signal,
                       standardOutput: output.finish(), standardError: error.finish(),
                       maxRSS: Int(usage.ru_maxrss) * 1024, elapsed: elapsed)
    }

    /// Runs a program to its end.
    static func run(_ path: String, _ arguments: [String], environment: [String: String],
                    timeout: Duration = .seconds(60)) throws -> Outcome {
        try Child(path, arguments, environment: environment).wait(timeout: timeout)
    }
}

struct ChildError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Drains a pipe on its own thread so the child never blocks on a full pipe.
final class PipeReader: @unchecked Sendable {
    private let condition = NSCondition()
    private var bytes: [UInt8] = []
    private var done = false

    init(_ descriptor: Int32) {
        Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count > 0 {
                    condition.lock()
                    bytes += buffer[..<count]
                    condition.unlock()
                } else if count < 0 && errno == EINTR {
                    continue
                } else {
                    break
                }
            }
            close(descriptor)
            condition.lock()
            done = true
            condition.broadcast()
            condition.unlock()
        }.start()
    }

    /// What has been read so far.
    func snapshot() -> [UInt8] {
        condition.lock()
        defer { condition.unlock() }
        return bytes
    }

    /// Everything read, once the write end is closed (waits up to five seconds for that:
    /// a grandchild could hold it open).
    func finish() -> [UInt8] {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date().addingTimeInterval(5)
        while !done && condition.wait(until: deadline) {}
        return bytes
    }
}
