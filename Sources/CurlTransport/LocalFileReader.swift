import HTTPModel
#if canImport(Glibc)
import Glibc
#endif

/// Reads `file:` URLs straight from the disk, so that opening a local page never loads
/// libcurl and its libraries; the response is the one libcurl would give (200, no headers
/// but a Content-Type guessed from the extension).
enum LocalFileReader {
    /// The response to a GET of a local `file:` URL, or nil when libcurl should take the
    /// request (another method, or a `file:` URL naming a remote host, which it refuses).
    static func response(to request: HTTPRequest, maximumBytes: Int) throws(TransportError) -> HTTPResponse? {
        let url = request.url
        guard request.method == .get, let path = localPath(of: url) else { return nil }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .fileNotFound(url: url, detail: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT != S_IFDIR else {
            throw .fileNotFound(url: url, detail: "a folder, not a file")
        }
        guard Int(status.st_size) <= maximumBytes else { throw .tooLarge(url: url, limit: maximumBytes) }
        var body = [UInt8](repeating: 0, count: Int(status.st_size))
        var filled = 0
        // Read until the end even if the file grew or shrank since fstat.
        while true {
            if filled == body.count {
                guard body.count < maximumBytes else { throw .tooLarge(url: url, limit: maximumBytes) }
                body.append(contentsOf: repeatElement(0, count: min(max(body.count, 4096), maximumBytes - body.count + 1)))
            }
            let count = body.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw .fileNotFound(url: url, detail: String(cString: strerror(errno))) }
            if count == 0 { break }
            filled += count
        }
        body.removeSubrange(filled...)
        guard body.count <= maximumBytes else { throw .tooLarge(url: url, limit: maximumBytes) }
        return HTTPResponse(requestedURL: url, finalURL: url, status: 200, reason: "", httpVersion: "",
                            headers: HTTPHeaders([("Content-Type", FileContentType.forFileURL(url))]), body: body)
    }

    /// The file-system path of `file:///path` or `file://localhost/path`, percent-decoded.
    static func localPath(of url: String) -> String? {
        let lowered = url.prefix(17).lowercased()
        let rest: Substring
        if lowered.hasPrefix("file:///") {
            rest = url.dropFirst(7)
        } else if lowered.hasPrefix("file://localhost/") {
            rest = url.dropFirst(16)
        } else {
            return nil
        }
        let encoded = rest.prefix { $0 != "?" && $0 != "#" }
        var bytes: [UInt8] = []
        var utf8 = Array(encoded.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
               let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        // A NUL would cut the path short: such a name cannot exist.
        guard !bytes.contains(0) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
