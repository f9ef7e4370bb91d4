#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One client connection: reads requests, asks the handler, writes responses.
struct Connection {
    let descriptor: Int32
    let core: ServerCore
    private var buffer: [UInt8] = []

    init(descriptor: Int32, core: ServerCore) {
        self.descriptor = descriptor
        self.core = core
    }

    /// Serves requests until the client closes, a response ends the connection, or the server stops.
    mutating func serve() {
        while let request = readRequest() {
            core.record(request)
            let response = core.handler(request)
            let keepOpen = respond(response, to: request)
            let clientCloses = request.header("Connection")?.lowercased() == "close"
            if !keepOpen || clientCloses || core.isStopped { return }
        }
    }

    // MARK: Reading

    private mutating func readRequest() -> LoopbackHTTPServer.Request? {
        let headerEnd: Int
        while true {
            if let end = Self.find([0x0D, 0x0A, 0x0D, 0x0A], in: buffer) {
                headerEnd = end
                break
            }
            guard buffer.count < 1 << 20, receiveMore() else { return nil }
        }
        let head = String(decoding: buffer[..<headerEnd], as: UTF8.self)
        buffer.removeFirst(headerEnd + 4)

        var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        let headers = lines.compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingSpaces)
        }
        var request = LoopbackHTTPServer.Request(method: String(requestLine[0]), path: String(requestLine[1]),
                                                 headers: headers, body: [])

        if request.header("Expect")?.lowercased() == "100-continue" {
            guard core.send(descriptor, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) else { return nil }
        }
        if request.header("Transfer-Encoding")?.lowercased().contains("chunked") == true {
            guard let body = readChunkedBody() else { return nil }
            request.body = body
        } else {
            let length = Int(request.header("Content-Length") ?? "0") ?? 0
            while buffer.count < length {
                guard receiveMore() else { return nil }
            }
            request.body = Array(buffer[..<length])
            buffer.removeFirst(length)
        }
        return request
    }

    private mutating func readChunkedBody() -> [UInt8]? {
        var body: [UInt8] = []
        while true {
            guard let line = readLine(), let size = Int(line.split(separator: ";").first ?? "", radix: 16) else {
                return nil
            }
            if size == 0 {
                while let trailer = readLine(), !trailer.isEmpty {}
                return body
            }
            while buffer.count < size + 2 {
                guard receiveMore() else { return nil }
            }
            body += buffer[..<size]
            buffer.removeFirst(size + 2)
        }
    }

    private mutating func readLine() -> String? {
        while true {
            if let end = Self.find([0x0D, 0x0A], in: buffer) {
                let line = String(decoding: buffer[..<end], as: UTF8.self)
                buffer.removeFirst(end + 2)
                return line
            }
            guard receiveMore() else { return nil }
        }
    }

    /// Reads what the client sent next; false at end of stream, error, or stop.
    private mutating func receiveMore() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                buffer += chunk[..<count]
                return true
            }
            if count < 0, errno == EINTR { continue }
            return false
        }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { start in
            haystack[start..<(start + needle.count)].elementsEqual(needle)
        }
    }

    // MARK: Writing

    /// Writes the response; returns whether the connection may serve another request.
    private mutating func respond(_ response: LoopbackHTTPServer.Response,
                                  to request: LoopbackHTTPServer.Request) -> Bool {
        if case .neverAnswer = response.delivery {
            // Hold the connection until the client hangs up or stop() shuts the socket down.
            while receiveMore() { buffer.removeAll() }
            return false
        }

        var head = "HTTP/1.1 \(response.status) \(response.reasonPhrase)\r\n"
        for header in response.headers { head += "\(header.name): \(header.value)\r\n" }
        let hasLength = response.headers.contains { $0.name.lowercased() == "content-length" }
        if response.sendsContentLength, !hasLength {
            head += "Content-Length: \(response.bodyCount)\r\n"
        }
        let closeDelimited = !response.sendsContentLength
        if closeDelimited { head += "Connection: close\r\n" }
        head += "\r\n"
        guard core.send(descriptor, Array(head.utf8)) else { return false }
        if request.method == "HEAD" { return !closeDelimited }

        switch response.delivery {
        case .normal, .neverAnswer:
            guard sendBody(response.body, limit: response.bodyCount, chunkSize: 65_536, pause: nil) else { return false }
        case .slowly(let chunkSize, let pause):
            guard sendBody(response.body, limit: response.bodyCount, chunkSize: max(1, min(chunkSize, 65_536)), pause: pause)
            else { return false }
        case .closeAfter(let bodyBytes):
            _ = sendBody(response.body, limit: min(bodyBytes, response.bodyCount), chunkSize: 65_536, pause: nil)
            return false
        }
        return !closeDelimited
    }

    /// Sends the first `limit` bytes of the body in chunks; false when the client went away or the server stopped.
    private func sendBody(_ body: LoopbackHTTPServer.Response.Body, limit: Int, chunkSize: Int,
                          pause: Duration?) -> Bool {
        var offset = 0
        while offset < limit {
            let count = min(chunkSize, limit - offset)
            let chunk: [UInt8]
            switch body {
            case .bytes(let bytes):
                chunk = Array(bytes[offset..<(offset + count)])
            case .generated:
                // The pattern repeats every 64 bytes, so any run of it is a slice of one long run.
                let phase = offset % 64
                chunk = Array(Self.generatedPattern[phase..<(phase + count)])
            }
            guard core.send(descriptor, chunk) else { return false }
            offset += count
            if let pause, offset < limit {
                if core.isStopped { return false }
                sleep(for: pause)
            }
        }
        return true
    }

    /// The byte at `offset` of a generated body: lines of 63 letters and a newline.
    static func generatedByte(at offset: Int) -> UInt8 {
        let column = offset % 64
        return column == 63 ? 0x0A : UInt8(ascii: "a") + UInt8(column % 26)
    }

    /// Enough of the generated body for any chunk starting at any phase.
    private static let generatedPattern = (0..<(65_536 + 64)).map(generatedByte(at:))

    private func sleep(for duration: Duration) {
        let (seconds, attoseconds) = duration.components
        var request = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0, errno == EINTR { request = remaining }
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
