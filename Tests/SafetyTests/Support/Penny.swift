import Foundation
import GRDB
import Testing
import Wallet
#if canImport(Glibc)
import Glibc
#endif

/// The built `penny` and a Penny home of its own for each test.
struct Penny {
    /// `PENNY_BINARY`, or `penny` next to the test bundle (SwiftPM builds it with the tests).
    static var executable: String {
        if let path = ProcessInfo.processInfo.environment["PENNY_BINARY"], !path.isEmpty { return path }
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        return folder.appendingPathComponent("penny").path
    }

    /// The demo site's play USDC: the asset `penny wallet topup … --asset USDC` funds.
    static let demoNetwork = "eip155:31337"
    static let demoUSDC = "0x5FbDB2315678afecb367f032d93F642f64180aa3"

    /// `PENNY_HOME` of this Penny.
    let home: String

    /// A fresh, empty Penny home under the temporary folder.
    init(label: String = "safety") throws {
        var template = Array((NSTemporaryDirectory() + "/penny-\(label)-XXXXXX").utf8CString)
        guard let path = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw ChildError("cannot create a temporary PENNY_HOME")
        }
        home = String(cString: path)
    }

    var environment: [String: String] {
        [
            "PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": home, "PENNY_HOME": home, "LANG": "C.UTF-8",
            "TMPDIR": NSTemporaryDirectory(), "TERM": "dumb",
        ]
    }

    var walletPath: String { home + "/data/wallet.sqlite" }

    /// Starts `penny ARGUMENTS` with this home.
    func start(_ arguments: [String]) throws -> Child {
        try Child(Self.executable, arguments, environment: environment)
    }

    /// Runs `penny ARGUMENTS` to its end.
    func run(_ arguments: [String], timeout: Duration = .seconds(60)) throws -> Child.Outcome {
        try Child.run(Self.executable, arguments, environment: environment, timeout: timeout)
    }

    /// Runs `penny ARGUMENTS` to its end through a small Python parent, whose `wait4` gives
    /// Penny's own peak memory as `maxRSS`. Spawned straight from the test runner, a child's
    /// ru_maxrss starts at the runner's own peak (exec records the old address space's), which
    /// can be hundreds of MB while other suites run.
    func runMeasuringMemory(_ arguments: [String], timeout: Duration = .seconds(60)) throws -> Child.Outcome {
        let report = home + "/maxrss-\(UUID().uuidString)"
        let wrapper = """
            import os, sys
            pid = os.fork()
            if pid == 0:
                os.execv(sys.argv[2], sys.argv[2:])
            _, status, usage = os.wait4(pid, 0)
            open(sys.argv[1], "w").write(str(usage.ru_maxrss))
            if os.WIFSIGNALED(status):
                os.kill(os.getpid(), os.WTERMSIG(status))
            sys.exit(os.WEXITSTATUS(status))
            """
        var outcome = try Child.run("/usr/bin/python3", ["-c", wrapper, report, Self.executable] + arguments,
                                    environment: environment, timeout: timeout)
        guard let text = try? String(contentsOfFile: report, encoding: .utf8), let kilobytes = Int(text) else {
            throw ChildError("the memory-measuring wrapper wrote no figure (status \(outcome.status))")
        }
        outcome.maxRSS = kilobytes * 1024
        return outcome
    }

    /// `penny wallet topup AMOUNT` of the demo USDC.
    func topUp(_ amount: String) throws {
        let outcome = try run(["wallet", "topup", amount, "--network", Self.demoNetwork, "--asset", "USDC"])
        guard outcome.status == 0 else {
            throw ChildError("penny wallet topup failed (\(outcome.status)): \(outcome.errorText)")
        }
    }

    /// Removes the home folder.
    func remove() {
        try? FileManager.default.removeItem(atPath: home)
    }
}

/// What the ledger of a wallet file holds, read through the wallet's own API and SQLite.
struct WalletSnapshot {
    var integrity: [String]
    var entries: [LedgerEntry]

    var payments: [LedgerEntry] { entries.filter { $0.kind == .payment } }
    func payments(in state: PaymentState) -> [LedgerEntry] { payments.filter { $0.state == state } }
    func total(in state: PaymentState) -> Int {
        payments(in: state).reduce(0) { $0 + Int($1.amount.baseUnits) }
    }

    /// Opens the wallet file (as Penny does, after an integrity check of our own), reads it
    /// and closes it again.
    static func read(_ path: String) throws -> WalletSnapshot {
        var configuration = Configuration()
        configuration.readonly = true
        let check = try DatabaseQueue(path: path, configuration: configuration)
        let integrity = try check.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
        try check.close()
        let store = try WalletStore(path: path)
        defer { try? store.close() }
        let entries = try store.history(limit: 1_000_000)
        return WalletSnapshot(integrity: integrity, entries: entries)
    }
}

/// The bytes of a file, or nil.
func fileBytes(_ path: String) -> [UInt8]? {
    FileManager.default.contents(atPath: path).map { [UInt8]($0) }
}

/// A seeded random number generator, so that a failing run can be repeated (`PENNY_SAFETY_SEED`).
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    static func fromEnvironment() -> (SplitMix, UInt64) {
        let seed = ProcessInfo.processInfo.environment["PENNY_SAFETY_SEED"].flatMap(UInt64.init)
            ?? UInt64.random(in: 1...UInt64(UInt32.max))
        return (SplitMix(seed: seed), seed)
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// An integer from the environment (the soak run's sizes), or the default.
func environmentCount(_ name: String, default value: Int) -> Int {
    ProcessInfo.processInfo.environment[name].flatMap(Int.init) ?? value
}
