/// A complete response: the final one of a redirect chain, body already decompressed.
public struct HTTPResponse: Sendable, Hashable {
    /// The URL that was asked for.
    public var requestedURL: String
    /// The URL after following redirects; relative links resolve against it.
    public var finalURL: String
    /// The status code, e.g. 200 or 402 (200 for a file that was read).
    public var status: Int
    /// The reason phrase of the status line, e.g. "Payment Required"; empty for HTTP/2 and files.
    public var reason: String
    /// "HTTP/1.0", "HTTP/1.1", "HTTP/2", "HTTP/3", or "" for `file:` URLs.
    public var httpVersion: String
    /// The headers of the final response, in order, repeated ones kept.
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(
        requestedURL: String,
        finalURL: String? = nil,
        status: Int = 200,
        reason: String = "",
        httpVersion: String = "HTTP/1.1",
        headers: HTTPHeaders = HTTPHeaders(),
        body: [UInt8] = []
    ) {
        self.requestedURL = requestedURL
        self.finalURL = finalURL ?? requestedURL
        self.status = status
        self.reason = reason
        self.httpVersion = httpVersion
        self.headers = headers
        self.body = body
    }

    /// The parsed `Content-Type`, or nil when it is missing or malformed.
    public var mediaType: MediaType? {
        headers["Content-Type"].flatMap(MediaType.init)
    }

    /// Whether this response asks for payment (HTTP 402).
    public var isPaymentRequired: Bool { status == 402 }

    /// Whether this is a 2xx response.
    public var isSuccess: Bool { (200..<300).contains(status) }
}
