extension LoopbackHTTPServer {
    /// What the server answers, and how it misbehaves while doing so.
    public struct Response: Sendable {
        /// The body to send.
        public enum Body: Sendable {
            case bytes([UInt8])
            /// `count` bytes of repeated ASCII text, produced while sending, never held in memory.
            case generated(count: Int)
        }

        /// How the response is delivered.
        public enum Delivery: Sendable {
            case normal
            /// Read the request, send nothing, hold the connection open until the client
            /// gives up or the server stops.
            case neverAnswer
            /// Send the headers at once, then the body `chunkSize` bytes at a time with a pause after each.
            case slowly(chunkSize: Int, pause: Duration)
            /// Send the headers (with the full Content-Length) and this many body bytes, then close.
            case closeAfter(bodyBytes: Int)
        }

        public var status: Int
        /// Defaults to the standard phrase for `status`.
        public var reason: String?
        /// Header fields in order; repeats allowed. Content-Length is added unless present
        /// or `sendsContentLength` is false.
        public var headers: [(name: String, value: String)]
        public var body: Body
        public var delivery: Delivery
        /// When false the body is delimited by closing the connection, as HTTP/1.0 servers do.
        public var sendsContentLength: Bool

        public init(
            status: Int = 200,
            reason: String? = nil,
            headers: [(name: String, value: String)] = [],
            body: Body = .bytes([]),
            delivery: Delivery = .normal,
            sendsContentLength: Bool = true
        ) {
            self.status = status
            self.reason = reason
            self.headers = headers
            self.body = body
            self.delivery = delivery
            self.sendsContentLength = sendsContentLength
        }

        /// A 200 (or `status`) with UTF-8 text.
        public static func text(_ text: String, status: Int = 200,
                                contentType: String = "text/plain; charset=utf-8") -> Response {
            Response(status: status, headers: [("Content-Type", contentType)], body: .bytes(Array(text.utf8)))
        }

        /// A 200 (or `status`) with a UTF-8 HTML page.
        public static func html(_ html: String, status: Int = 200) -> Response {
            text(html, status: status, contentType: "text/html; charset=utf-8")
        }

        /// A redirect to `location` (absolute or relative).
        public static func redirect(to location: String, status: Int = 302) -> Response {
            Response(status: status, headers: [("Location", location)])
        }

        /// An empty 404.
        public static let notFound = Response(status: 404)

        /// Never answers at all.
        public static let neverAnswer = Response(delivery: .neverAnswer)

        /// The bytes a `.generated(count:)` body consists of, to check what arrived.
        public static func generatedBytes(count: Int) -> [UInt8] {
            (0..<count).map(Connection.generatedByte(at:))
        }

        var bodyCount: Int {
            switch body {
            case .bytes(let bytes): bytes.count
            case .generated(let count): count
            }
        }

        var reasonPhrase: String {
            reason ?? Self.standardReasons[status] ?? "Status \(status)"
        }

        private static let standardReasons: [Int: String] = [
            100: "Continue", 200: "OK", 201: "Created", 204: "No Content",
            301: "Moved Permanently", 302: "Found", 303: "See Other", 307: "Temporary Redirect",
            308: "Permanent Redirect", 400: "Bad Request", 401: "Unauthorized", 402: "Payment Required",
            403: "Forbidden", 404: "Not Found", 500: "Internal Server Error", 503: "Service Unavailable",
        ]
    }
}
