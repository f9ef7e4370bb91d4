#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The wallet file on disk, below SQLite: creation with mode 0600 and a look at the header
/// before SQLite is allowed near a file.
enum WalletFile {
    /// Owner read and write only: a wallet is never readable by other users.
    static let mode: mode_t = 0o600

    /// What `createIfMissing` found.
    enum Presence: Equatable {
        /// Created now, empty, with mode 0600.
        case created
        /// Exists, with this many bytes.
        case existing(size: Int)
    }

    /// Creates `path` empty with mode 0600 if nothing is there. The mode is given to
    /// `open` (so the file is never world-readable, whatever the umask) and set again
    /// with `fchmod` (in case the umask took owner bits away).
    static func createIfMissing(_ path: String) throws(WalletFileError) -> Presence {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        if fd >= 0 {
            defer { close(fd) }
            guard fchmod(fd, mode) == 0 else { throw .unusable(path, detail: "cannot set its mode to 0600 (\(errorText()))") }
            return .created
        }
        let openError = errno
        guard openError == EEXIST else {
            throw .unusable(path, detail: "cannot create it (\(errorText(openError)))")
        }
        var info = stat()
        guard stat(path, &info) == 0 else { throw .unusable(path, detail: "cannot read it (\(errorText()))") }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .unusable(path, detail: "it is not a regular file") }
        return .existing(size: Int(info.st_size))
    }

    /// The permission bits of `path`, or nil when it does not exist.
    static func permissions(_ path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o7777
    }

    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// The size of `path` in bytes, or nil when it does not exist.
    static func size(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_size)
    }

    /// Sets mode 0600 on the wallet and on SQLite's `-wal` and `-shm` files next to it.
    static func restrictMode(_ path: String) throws(WalletFileError) {
        for file in [path, path + "-wal", path + "-shm"] where exists(file) {
            guard permissions(file) == mode || chmod(file, mode) == 0 else {
                throw .unusable(file, detail: "cannot set its mode to 0600 (\(errorText()))")
            }
        }
    }

    /// Reads the 100-byte SQLite header of an existing non-empty file and refuses what is
    /// not an SQLite database or is shorter than the header says. Reads only.
    static func checkHeader(_ path: String) throws(WalletFileError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .unusable(path, detail: "cannot read it (\(errorText()))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unusable(path, detail: "cannot read it (\(errorText()))") }
        let size = Int(info.st_size)
        var header = [UInt8](repeating: 0, count: 100)
        let count = header.withUnsafeMutableBytes { read(fd, $0.baseAddress, 100) }
        guard count >= 0 else { throw .unusable(path, detail: "cannot read it (\(errorText()))") }
        let magic = Array("SQLite format 3\0".utf8)
        let head = Array(header.prefix(count))
        if count < 100 {
            // A cut-off SQLite header is a truncated file; anything else is not a database.
            if !head.isEmpty, head.prefix(16).elementsEqual(magic.prefix(min(16, head.count))) {
                throw .truncated(path, size: size, expected: 100)
            }
            throw .notADatabase(path)
        }
        guard head.prefix(16).elementsEqual(magic) else { throw .notADatabase(path) }

        func bigEndian(_ offset: Int, _ length: Int) -> Int {
            header[offset..<offset + length].reduce(0) { $0 << 8 | Int($1) }
        }
        let rawPageSize = bigEndian(16, 2)
        let pageSize = rawPageSize == 1 ? 65536 : rawPageSize
        guard pageSize >= 512, pageSize <= 65536, pageSize & (pageSize - 1) == 0 else {
            throw .damaged(path, detail: "its header gives an impossible page size (\(rawPageSize))")
        }
        // With a write-ahead log holding pages, the main file may legitimately lag behind
        // its header until SQLite replays the log; only a file without one is measured here.
        if (self.size(path + "-wal") ?? 0) == 0 {
            let pageCount = bigEndian(28, 4)
            let headerCountIsValid = bigEndian(24, 4) == bigEndian(92, 4) && pageCount > 0
            let expected = headerCountIsValid ? pageCount * pageSize : pageSize
            if size < expected || size % pageSize != 0 {
                throw .truncated(path, size: size, expected: max(expected, (size / pageSize + 1) * pageSize))
            }
        }
    }

    /// `<path>.backup-v<version>`, or with "-2", "-3"... appended when that exists: a
    /// backup is never overwritten.
    static func freshBackupPath(_ path: String, version: Int) -> String {
        let base = "\(path).backup-v\(version)"
        var candidate = base
        var counter = 2
        while exists(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        return candidate
    }

    static func errorText(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }
}
