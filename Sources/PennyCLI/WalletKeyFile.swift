import EVMSigning
import Glibc

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
        // O_EXCL: two Penny processes starting at once never overwrite each other's new key.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor < 0 {
            if errno == EEXIST, let raced = try load(path) { return raced }
            throw Problem(description: "cannot create the wallet key \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let text = Array((Hex.encode(key.rawBytes, prefix: false) + "\n").utf8)
        guard text.withUnsafeBytes({ FileDescriptor.writeAll(descriptor, $0) }), fsync(descriptor) == 0 else {
            throw Problem(description: "cannot write the wallet key \(path)")
        }
        return key
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
