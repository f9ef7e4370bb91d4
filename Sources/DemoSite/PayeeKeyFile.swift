#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import EVMSigning

/// The site's payee key, kept next to its database as `<database>.payee-key`.
///
/// The file holds one line, `0x` and 64 hex digits, and is created with mode 0600 and
/// O_EXCL on first start, so two sites starting at once cannot write different keys.
/// It is a demo key for a local development chain; it guards no real money.
enum PayeeKeyFile {
    static func path(forDatabase databasePath: String) -> String { databasePath + ".payee-key" }

    /// The key in the file at `path`, creating the file with a new key when it is missing.
    static func loadOrCreate(at path: String) throws(DemoSiteError) -> PrivateKey {
        let key = PrivateKey.generate()
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            let line = Array((Hex.encode(key.rawBytes) + "\n").utf8)
            let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            let synced = fsync(descriptor)
            close(descriptor)
            guard written == line.count, synced == 0 else {
                unlink(path)
                throw DemoSiteError("cannot write the payee key file \(path)")
            }
            return key
        }
        guard errno == EEXIST else {
            throw DemoSiteError("cannot create the payee key file \(path): \(String(cString: strerror(errno)))")
        }
        // Another site may have created the file a moment ago and not written it yet.
        for _ in 0..<50 {
            if let key = try? load(at: path) { return key }
            usleep(10_000)
        }
        return try load(at: path)
    }

    static func load(at path: String) throws(DemoSiteError) -> PrivateKey {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw DemoSiteError("cannot read the payee key file \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { throw DemoSiteError("the payee key file \(path) is empty") }
        let text = String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: [" ", "\n", "\r", "\t"])
        for i in buffer.indices { buffer[i] = 0 }
        guard let bytes = try? Hex.decode(text), bytes.count == 32, let key = try? PrivateKey(rawBytes: bytes) else {
            throw DemoSiteError("the payee key file \(path) does not hold a secp256k1 key (0x and 64 hex digits)")
        }
        return key
    }
}

private extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text.removeFirst() }
        while let last = text.last, set.contains(last) { text.removeLast() }
        return String(text)
    }
}
