/// A request as the site's logic sees it: method, path and headers, nothing else.
struct SiteRequest: Sendable {
    let method: String
    /// The path without the query.
    let path: String
    /// Every header field, names in lower case, in order.
    let headers: [(name: String, value: String)]

    init(method: String, path: String, headers: [(name: String, value: String)]) {
        self.method = method
        self.path = path
        self.headers = headers.map { (name: $0.name.lowercased(), value: $0.value) }
    }

    func values(_ name: String) -> [String] {
        headers.filter { $0.name == name }.map(\.value)
    }
}

/// A response before it becomes a Hummingbird `Response`.
struct SiteResponse: Sendable {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: String

    static func html(_ status: Int, _ body: String, headers: [(String, String)] = []) -> SiteResponse {
        SiteResponse(status: status, headers: [("Content-Type", "text/html; charset=utf-8")] + headers.map { (name: $0.0, value: $0.1) },
                     body: body)
    }

    static func json(_ status: Int, _ body: String, contentType: String = "application/json",
                     headers: [(String, String)] = []) -> SiteResponse {
        SiteResponse(status: status, headers: [("Content-Type", contentType)] + headers.map { (name: $0.0, value: $0.1) },
                     body: body)
    }

    static func text(_ status: Int, _ body: String, headers: [(String, String)] = []) -> SiteResponse {
        SiteResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")] + headers.map { (name: $0.0, value: $0.1) },
                     body: body)
    }
}
