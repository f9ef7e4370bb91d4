#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small HTTP/1.1 server on 127.0.0.1 for tests, on a port the OS picks.
///
/// One thread accepts, one thread serves each connection (keep-alive supported). The
/// handler maps each parsed request to a `Response`, which can also misbehave: never
/// answer, send slowly, close mid-body, or stream a large generated body.
/// `stop()` (or releasing the server) closes everything, waking blocked threads.
///
/// ```swift
/// let server = try LoopbackHTTPServer { request in
///     request.path == "/" ? .html("<p>hi</p>") : .notFound
/// }
/// let url = server.url("/")
/// ```
public final class LoopbackHTTPServer: Sendable {
    public typealias Handler = @Sendable (Request) -> Response

    /// The port the server listens on.
    public let port: UInt16
    private let core: ServerCore

    /// Starts listening at once; throws when no socket can be opened.
    public init(handler: @escaping Handler) throws {
        let listener = try ListeningSocket()
        port = listener.port
        core = ServerCore(listener: listener, handler: handler)
        core.start()
    }

    deinit {
        core.stop()
    }

    /// "http://127.0.0.1:<port>".
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// The absolute URL of `path` ("/a?b" → "http://127.0.0.1:<port>/a?b").
    public func url(_ path: String) -> String {
        baseURL + (path.hasPrefix("/") ? path : "/" + path)
    }

    /// Every request received so far, in arrival order.
    public var requests: [Request] { core.requests }

    /// The bytes written to all connections so far, headers included.
    public var bytesSent: Int { core.bytesSent }

    /// Stops accepting, closes every connection, and waits briefly for their threads to end.
    /// Afterwards the port refuses connections.
    public func stop() {
        core.stop()
    }
}

/// Why the server could not start.
public struct LoopbackServerError: Error, CustomStringConvertible {
    public var description: String
}
