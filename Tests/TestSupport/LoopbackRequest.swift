extension LoopbackHTTPServer {
    /// A request as the server parsed it.
    public struct Request: Sendable {
        public var method: String
        /// The request target as sent, query included: "/search?q=penny".
        public var path: String
        /// Header fields in order, repeated names kept.
        public var headers: [(name: String, value: String)]
        public var body: [UInt8]

        public init(method: String, path: String, headers: [(name: String, value: String)], body: [UInt8]) {
            self.method = method
            self.path = path
            self.headers = headers
            self.body = body
        }

        /// The first value of the header with this name (ASCII case ignored).
        public func header(_ name: String) -> String? {
            headerValues(name).first
        }

        /// Every value of the header with this name, in order.
        public func headerValues(_ name: String) -> [String] {
            headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
        }

        /// The body decoded as UTF-8.
        public var bodyText: String { String(decoding: body, as: UTF8.self) }
    }
}
