#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The wallet file as SQLite's structural check last found it sound, kept in `<wallet>-checked`.
///
/// `PRAGMA quick_check` reads the whole file, so its cost grows with every payment ever made;
/// run on each open it was the largest part of what paying costs. The main file changes
/// only when SQLite folds the write-ahead log into it (every `WalletStore.checkpointPages`
/// pages), so a wallet whose device, inode, size and modification and change times are
/// still those of its last sound check is not read again, for at most `maximumAge`. Any
/// write to the file by anything (a copy, an editor, a disk tool) moves its change time, so
/// it is checked in full at the next open. Losing or spoiling this record costs one check.
struct WalletCheckRecord: Equatable {
    /// How long a check stands for an unchanged file: damage that no write made (a failing
    /// disk) is still found within a day.
    static let maximumAge: Double = 24 * 3600

    /// What identifies one state of the file.
    struct Fingerprint: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modified: Int64
        var modifiedNanoseconds: Int64
        var changed: Int64
        var changedNanoseconds: Int64
    }

    var fingerprint: Fingerprint
    /// When the check ran, in seconds since 1970 (the wallet's clock).
    var checkedAt: Double

    /// Where the record of the wallet at `walletPath` lives.
    static func recordPath(_ walletPath: String) -> String { walletPath + "-checked" }

    /// The file's state now, or nil when it cannot be read.
    static func fingerprint(of path: String) -> Fingerprint? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Fingerprint(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                           modified: Int64(info.st_mtim.tv_sec), modifiedNanoseconds: Int64(info.st_mtim.tv_nsec),
                           changed: Int64(info.st_ctim.tv_sec), changedNanoseconds: Int64(info.st_ctim.tv_nsec))
    }

    /// Whether the wallet at `walletPath`, now in state `current`, was found sound in this very
    /// state less than `maximumAge` before `now`.
    static func vouchesFor(_ walletPath: String, current: Fingerprint, now: Double) -> Bool {
        guard let record = load(walletPath), record.fingerprint == current else { return false }
        let age = now - record.checkedAt
        return age >= 0 && age < maximumAge
    }

    /// The stored record, or nil when there is none or it does not read as one.
    static func load(_ walletPath: String) -> WalletCheckRecord? {
        let fd = open(recordPath(walletPath), O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, 256) }
        guard count > 0, count < 256 else { return nil }
        return parse(String(decoding: buffer[..<count], as: UTF8.self))
    }

    /// Writes the record (mode 0600, whole or not at all). Failing is harmless: the next
    /// open checks again.
    static func store(_ record: WalletCheckRecord, for walletPath: String) {
        let target = recordPath(walletPath)
        let temporary = target + ".\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, WalletFile.mode)
        guard fd >= 0 else { return }
        let bytes = Array(record.text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        if written != bytes.count || rename(temporary, target) != 0 {
            unlink(temporary)
        }
    }

    private static let tag = "penny-wallet-check 1"

    var text: String {
        let f = fingerprint
        return "\(Self.tag) \(f.device) \(f.inode) \(f.size) \(f.modified) \(f.modifiedNanoseconds) "
            + "\(f.changed) \(f.changedNanoseconds) \(checkedAt)\n"
    }

    static func parse(_ text: String) -> WalletCheckRecord? {
        guard text.hasPrefix(tag + " "), text.hasSuffix("\n") else { return nil }
        let fields = text.dropFirst(tag.count + 1).dropLast().split(separator: " ", omittingEmptySubsequences: false)
        guard fields.count == 8 else { return nil }
        let numbers = fields[2..<7].compactMap { Int64($0) }
        guard numbers.count == 5, let device = UInt64(fields[0]), let inode = UInt64(fields[1]),
              let checkedAt = Double(fields[7]), checkedAt.isFinite else { return nil }
        return WalletCheckRecord(
            fingerprint: Fingerprint(device: device, inode: inode, size: numbers[0], modified: numbers[1],
                                     modifiedNanoseconds: numbers[2], changed: numbers[3], changedNanoseconds: numbers[4]),
            checkedAt: checkedAt)
    }
}
