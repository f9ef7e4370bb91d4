/// Something that turns a request into a response: libcurl in the browser, canned answers in tests.
public protocol HTTPTransport: Sendable {
    /// Sends the request, follows redirects, and returns the final response.
    ///
    /// Blocks the calling thread. Error statuses (404, 402, ...) are responses, not
    /// errors; a thrown error (a `TransportError` from Penny's transports) means there
    /// is no response at all.
    func perform(_ request: HTTPRequest) throws -> HTTPResponse
}
