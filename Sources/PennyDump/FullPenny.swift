import CPennyShim
import Glibc
import HTTPModel

/// `penny-full`, the executable with everything the small `penny` leaves out (the
/// full-screen browser, the wallet, paying, the demo site, swift-argument-parser), which
/// sits next to it. `penny` runs it for any command line but a plain dump, and hands it a
/// 402 it fetched: listing the offers needs BigInt, which brings Foundation, ICU and
/// their start-up costs (about 9 MB of memory) that a dump of an ordinary page should not pay.
public enum FullPenny {
    /// The file name next to `penny`.
    public static let name = "penny-full"
    /// The environment variable naming the descriptor of a handed-over response.
    static let responseVariable = "PENNY_DUMP_RESPONSE_FD"

    /// Replaces this process with `penny-full` and the same arguments.
    public static func exec() -> Never {
        let path = executablePath()
        var arguments = CommandLine.arguments
        if arguments.isEmpty { arguments = [path] }
        let cArguments = arguments.map { strdup($0) } + [nil]
        execv(path, cArguments)
        let reason = String(cString: strerror(errno))
        Console.error("cannot run \(path): \(reason)")
        exit(ExitStatus.loadFailed)
    }

    /// Runs `penny-full` with the same arguments to print a response already fetched:
    /// the response is written to an anonymous file whose descriptor the new program inherits.
    public static func exec(handingOver response: HTTPResponse) -> Never {
        let descriptor = penny_memfd("penny-response")
        guard descriptor >= 0 else {
            Console.error("cannot hand the response to \(name): \(String(cString: strerror(errno)))")
            exit(ExitStatus.loadFailed)
        }
        var bytes: [UInt8] = []
        ResponseCoding.encode(response, into: &bytes)
        guard bytes.withUnsafeBytes({ FileDescriptor.writeAll(descriptor, $0) }), lseek(descriptor, 0, SEEK_SET) == 0 else {
            Console.error("cannot hand the response to \(name).")
            exit(ExitStatus.loadFailed)
        }
        setenv(responseVariable, String(descriptor), 1)
        exec()
    }

    /// In `penny-full`: the response `penny` handed over, if it did (read once, then the
    /// descriptor is closed and the variable removed).
    public static func handedOverResponse() -> HTTPResponse? {
        guard let value = getenv(responseVariable) else { return nil }
        let text = String(cString: value)
        unsetenv(responseVariable)
        guard let descriptor = Int32(text), descriptor > 2 else { return nil }
        defer { close(descriptor) }
        guard let bytes = LocalFiles.read(descriptor: descriptor) else { return nil }
        return ResponseCoding.decode(bytes)
    }

    /// `penny-full` in the folder of this executable.
    static func executablePath() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let own = count > 0 ? String(cString: buffer) : (CommandLine.arguments.first ?? "penny")
        guard let slash = own.lastIndex(of: "/") else { return name }
        return String(own[...slash]) + name
    }
}

/// An `HTTPResponse` as bytes: each text and the body as a 64-bit length and its bytes.
enum ResponseCoding {
    static func encode(_ response: HTTPResponse, into bytes: inout [UInt8]) {
        func put(_ field: some Collection<UInt8>) {
            withUnsafeBytes(of: UInt64(field.count).littleEndian) { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: field)
        }
        put(response.requestedURL.utf8)
        put(response.finalURL.utf8)
        put(String(response.status).utf8)
        put(response.reason.utf8)
        put(response.httpVersion.utf8)
        put(String(response.headers.count).utf8)
        for header in response.headers {
            put(header.name.utf8)
            put(header.value.utf8)
        }
        put(response.body)
    }

    static func decode(_ bytes: [UInt8]) -> HTTPResponse? {
        var offset = 0
        func take() -> ArraySlice<UInt8>? {
            guard bytes.count - offset >= 8 else { return nil }
            var length: UInt64 = 0
            for index in 0..<8 { length |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
            offset += 8
            guard length <= UInt64(bytes.count - offset) else { return nil }
            defer { offset += Int(length) }
            return bytes[offset..<offset + Int(length)]
        }
        func text() -> String? { take().map { String(decoding: $0, as: UTF8.self) } }
        guard let requested = text(), let final = text(), let status = text().flatMap({ Int($0) }),
              let reason = text(), let version = text(), let count = text().flatMap({ Int($0) }), count >= 0 else { return nil }
        var headers: [(String, String)] = []
        for _ in 0..<count {
            guard let name = text(), let value = text() else { return nil }
            headers.append((name, value))
        }
        guard let body = take(), offset == bytes.count else { return nil }
        return HTTPResponse(requestedURL: requested, finalURL: final, status: status, reason: reason,
                            httpVersion: version, headers: HTTPHeaders(headers), body: Array(body))
    }
}
