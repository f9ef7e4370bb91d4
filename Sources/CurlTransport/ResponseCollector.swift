import HTTPModel

/// Gathers the status line, headers and body libcurl hands to its callbacks during one transfer.
final class ResponseCollector {
    let maximumBodyBytes: Int
    private(set) var body: [UInt8] = []
    /// Set when the body crossed `maximumBodyBytes` and the transfer was aborted.
    private(set) var bodyTooLarge = false
    /// Whether any status line arrived (a timed-out server said nothing at all when false).
    private(set) var sawStatusLine = false
    private(set) var reason = ""
    private(set) var headers: [HTTPHeader] = []

    /// Capacity reserved up front from `Content-Length`; larger bodies grow as they arrive,
    /// so a lying header cannot make us allocate the whole limit at once.
    private static let largestInitialReservation = 8 << 20

    init(maximumBodyBytes: Int) {
        self.maximumBodyBytes = maximumBodyBytes
    }

    /// Takes one header line as libcurl delivers it, CR LF included.
    func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        var line = bytes[...]
        // Trim bytes, not Characters: in Swift "\r\n" is a single Character.
        while let last = line.last, last == 0x0D || last == 0x0A { line = line.dropLast() }
        guard let first = line.first else { return }  // the blank line ending a header block

        if line.starts(with: Self.statusLinePrefix) {
            // Each response of a redirect chain, and a `100 Continue`, starts anew:
            // only the last response's headers describe the body we keep.
            sawStatusLine = true
            headers.removeAll()
            let parts = line.split(separator: 0x20, maxSplits: 2, omittingEmptySubsequences: true)
            reason = parts.count == 3 ? Self.text(parts[2]) : ""
        } else if first == 0x20 || first == 0x09 {
            // An obsolete folded continuation of the previous header's value.
            guard !headers.isEmpty else { return }
            let continuation = Self.text(Self.trimmed(line))
            let last = headers.count - 1
            headers[last].value += headers[last].value.isEmpty ? continuation : " " + continuation
        } else if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
            let name = Self.text(Self.trimmed(line[..<colon]))
            let value = Self.text(Self.trimmed(line[line.index(after: colon)...]))
            guard !name.isEmpty else { return }
            headers.append(HTTPHeader(name: name, value: value))
            if name.lowercased() == "content-length", let length = Int(value), length > body.capacity {
                body.reserveCapacity(min(length, maximumBodyBytes, Self.largestInitialReservation))
            }
        }
    }

    /// Appends body bytes; false (abort the transfer) once the limit would be crossed.
    func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let needed = body.count + bytes.count
        guard needed <= maximumBodyBytes else {
            bodyTooLarge = true
            return false
        }
        if needed > body.capacity {
            // Grow by doubling, but never past the limit (Array's own growth could reach twice it).
            body.reserveCapacity(min(max(needed, body.capacity * 2), maximumBodyBytes))
        }
        body.append(contentsOf: bytes)
        return true
    }

    private static let statusLinePrefix = Array("HTTP/".utf8)

    private static func trimmed(_ bytes: Slice<UnsafeRawBufferPointer>) -> Slice<UnsafeRawBufferPointer> {
        var bytes = bytes
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
        return bytes
    }

    /// Header bytes as text: UTF-8 when valid, else ISO-8859-1, the historical header charset.
    private static func text(_ bytes: Slice<UnsafeRawBufferPointer>) -> String {
        if isValidUTF8(bytes) { return String(decoding: bytes, as: UTF8.self) }
        return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }

    // `String(validating:as:)` would do, but needs macOS 15.
    private static func isValidUTF8(_ bytes: Slice<UnsafeRawBufferPointer>) -> Bool {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
