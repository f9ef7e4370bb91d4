/// A request to send: where, how, with which extra headers and body.
public struct HTTPRequest: Sendable, Hashable {
    /// The absolute URL (`http`, `https` or `file`).
    public var url: String
    public var method: HTTPMethod
    /// Headers to send in addition to the ones the transport adds (Host, User-Agent, ...).
    public var headers: HTTPHeaders
    /// The body of a POST; nil for GET and HEAD.
    public var body: [UInt8]?
    /// False for a request carrying a payment credential: a redirect is returned as it is,
    /// so the credential never follows it to another origin.
    public var followsRedirects: Bool

    public init(url: String, method: HTTPMethod = .get, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8]? = nil,
                followsRedirects: Bool = true) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
        self.followsRedirects = followsRedirects
    }

    /// A POST of `fields` as `application/x-www-form-urlencoded`, as an HTML form submits them.
    public static func formURLEncoded(
        url: String,
        fields: [(name: String, value: String)],
        headers: HTTPHeaders = HTTPHeaders()
    ) -> HTTPRequest {
        var headers = headers
        if !headers.contains("Content-Type") {
            headers.add("Content-Type", FormURLEncoding.contentType)
        }
        return HTTPRequest(url: url, method: .post, headers: headers, body: Array(FormURLEncoding.encode(fields).utf8))
    }
}
