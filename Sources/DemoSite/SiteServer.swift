import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals
import HTTPModel

/// Hands each request to the site's logic and turns the answer into a Hummingbird response.
struct SiteResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let core: SiteCore
    let requestLog: (@Sendable (String) -> Void)?

    func respond(to request: Request, context: Context) async throws -> Response {
        let headers = request.headers.map { (name: $0.name.canonicalName, value: $0.value) }
        let answer = core.handle(SiteRequest(method: request.method.rawValue, path: request.uri.path, headers: headers))
        var fields = HTTPFields()
        for (name, value) in answer.headers {
            guard let fieldName = HTTPField.Name(name) else { continue }
            fields.append(HTTPField(name: fieldName, value: value))
        }
        let body = ByteBuffer(string: answer.body)
        fields[.contentLength] = String(body.readableBytes)
        var response = Response(status: HTTPResponse.Status(code: answer.status, reasonPhrase: Self.reason(answer.status)),
                                headers: fields, body: ResponseBody(byteBuffer: body))
        if request.method == .head { response = response.createHeadResponse() }
        requestLog?("\(request.method.rawValue) \(String(request.uri.path.prefix(200))) \(answer.status)")
        return response
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 402: "Payment Required"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        default: "Internal Server Error"
        }
    }
}

/// Resolves once the server listens, or fails if it stops first.
final class StartupSignal: Sendable {
    private enum State {
        case waiting(CheckedContinuation<Int, any Error>?)
        case listening(Int)
        case failed(any Error)
    }

    private let state = Locked<State>(.waiting(nil))

    func listening(port: Int) {
        let continuation = state.withLock { state -> CheckedContinuation<Int, any Error>? in
            guard case .waiting(let continuation) = state else { return nil }
            state = .listening(port)
            return continuation
        }
        continuation?.resume(returning: port)
    }

    func stopped(_ error: (any Error)?) {
        let failure = error ?? DemoSiteError("the server stopped before it was listening")
        let continuation = state.withLock { state -> CheckedContinuation<Int, any Error>? in
            guard case .waiting(let continuation) = state else { return nil }
            state = .failed(failure)
            return continuation
        }
        continuation?.resume(throwing: failure)
    }

    func wait() async throws -> Int {
        try await withCheckedThrowingContinuation { continuation in
            let immediate = state.withLock { state -> Result<Int, any Error>? in
                switch state {
                case .waiting:
                    state = .waiting(continuation)
                    return nil
                case .listening(let port):
                    return .success(port)
                case .failed(let error):
                    return .failure(error)
                }
            }
            if let immediate { continuation.resume(with: immediate) }
        }
    }
}

/// Builds and runs the Hummingbird application for one site.
enum SiteServer {
    static let quietLogger = Logger(label: "penny.demo-site", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Starts serving `core` on 127.0.0.1:`port`; returns once listening.
    static func start(core: SiteCore, port: Int, shutdownOnSignals: Bool,
                      requestLog: (@Sendable (String) -> Void)?) async throws -> (port: Int, group: ServiceGroup, task: Task<Void, any Error>) {
        let startup = StartupSignal()
        let application = Application(
            responder: SiteResponder(core: core, requestLog: requestLog),
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port), serverName: "PennyDemoSite"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                core.setBoundHost("127.0.0.1:\(port)")
                startup.listening(port: port)
            },
            eventLoopGroupProvider: .singleton,
            logger: quietLogger)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [application],
            gracefulShutdownSignals: shutdownOnSignals ? [.sigterm, .sigint] : [],
            logger: quietLogger))
        let run: @Sendable () async throws -> Void = {
            do {
                try await group.run()
                startup.stopped(nil)
            } catch {
                startup.stopped(error)
                throw error
            }
        }
        let task: Task<Void, any Error>
        if #available(macOS 15.0, *) {
            task = Task(executorPreference: SiteThreads.shared) { try await run() }
        } else {
            task = Task.detached { try await run() }
        }
        let boundPort = try await startup.wait()
        return (boundPort, group, task)
    }
}
