import EVMSigning
import Glibc
import PennyDump

/// The wallet's secp256k1 key in its own file: 64 hex digits, mode 0600, created from the
/// system's secure random source on first use and never printed.
enum WalletKeyFile {
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    /// The key at `path`, created when there is none.
    static func loadOrCreate(_ path: String) throws(Problem) -> PrivateKey {
        if let key = try load(path) { return key }
        let key = PrivateKey.generate()
        // The key is written whole to a file of this process's own, then published with
        // link(2), which fails if the name exists: another Penny starting at the same moment
        // either sees no key or a complete one, and the first key published is the only one.
        let temporary = path + ".new-\(getpid())"
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw Problem(description: "cannot create the wallet key \(path): \(String(cString: strerror(errno)))")
        }
        defer { unlink(temporary) }
        let text = Array((Hex.encode(key.rawBytes, prefix: false) + "\n").utf8)
        let written = text.withUnsafeBytes({ FileDescriptor.writeAll(descriptor, $0) }) && fsync(descriptor) == 0
        close(descriptor)
        guard written else { throw Problem(description: "cannot write the wallet key \(path)") }
        if link(temporary, path) != 0 {
            if errno == EEXIST, let raced = try load(path) { return raced }
            throw Problem(description: "cannot create the wallet key \(path): \(String(cString: strerror(errno)))")
        }
        syncFolder(of: path)
        return key
    }

    /// Makes the new name durable: the key must not vanish in a crash after it signed.
    private static func syncFolder(of path: String) {
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// The key at `path`, nil when the file does not exist.
    static func load(_ path: String) throws(Problem) -> PrivateKey? {
        guard LocalFiles.exists(path) else { return nil }
        guard let bytes = LocalFiles.read(path) else {
            throw Problem(description: "cannot read the wallet key \(path)")
        }
        let text = String(decoding: bytes, as: UTF8.self).filter { !$0.isWhitespace }
        do {
            return try PrivateKey(hex: text)
        } catch {
            throw Problem(description: "the wallet key \(path) is damaged (\(error)); Penny will not replace it. Move it away to start a new wallet.")
        }
    }
}
