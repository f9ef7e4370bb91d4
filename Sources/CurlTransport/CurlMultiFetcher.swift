import CCurl
import CPennyShim
import HTTPModel

/// Transfers running side by side in one libcurl multi handle, driven from a single-threaded
/// event loop: `wait` sleeps on curl's sockets and the terminal together, `advance` moves
/// every transfer on and reports what happened. No threads, no locks.
public final class CurlMultiFetcher {
    /// What happened to a transfer.
    public enum Event: Sendable {
        case progress(id: Int, received: Int, expected: Int?)
        case finished(id: Int, result: Result<HTTPResponse, TransportError>)
    }

    public let configuration: CurlEasyTransport.Configuration
    private let multi: UnsafeMutableRawPointer
    private var transfers: [Int: CurlTransfer] = [:]
    private var reported: [Int: Int] = [:]
    /// Transfers refused before they started, reported on the next `advance`.
    private var refused: [(Int, TransportError)] = []

    public init(configuration: CurlEasyTransport.Configuration = .init()) {
        self.configuration = configuration
        _ = CurlGlobal.isReady
        multi = penny_curl_multi_init()
    }

    deinit {
        for transfer in transfers.values {
            penny_curl_multi_remove_handle(multi, transfer.handle.raw)
        }
        penny_curl_multi_cleanup(multi)
    }

    /// Whether any transfer is running or waiting to be reported.
    public var isBusy: Bool { !transfers.isEmpty || !refused.isEmpty }

    /// Starts a transfer; its outcome arrives from `advance`.
    public func start(id: Int, request: HTTPRequest) {
        do {
            let transfer = try CurlTransfer(request: request, configuration: configuration)
            guard penny_curl_multi_add_handle(multi, transfer.handle.raw) == CURLM_OK else {
                refused.append((id, .other(url: request.url, detail: "libcurl refused the transfer")))
                return
            }
            transfers[id] = transfer
        } catch {
            refused.append((id, error))
        }
    }

    /// Abandons a transfer; nothing more is reported for it.
    public func cancel(id: Int) {
        guard let transfer = transfers.removeValue(forKey: id) else { return }
        penny_curl_multi_remove_handle(multi, transfer.handle.raw)
        reported[id] = nil
    }

    /// Sleeps until curl's sockets or `fileDescriptor` are ready, or `milliseconds` pass;
    /// true when `fileDescriptor` has input.
    public func wait(alsoOn fileDescriptor: Int32, milliseconds: Int) -> Bool {
        var extra = curl_waitfd(fd: fileDescriptor, events: Int16(CURL_WAIT_POLLIN), revents: 0)
        var ready: Int32 = 0
        let timeout = refused.isEmpty ? Int32(clamping: milliseconds) : 0
        _ = penny_curl_multi_poll(multi, &extra, 1, timeout, &ready)
        return extra.revents != 0
    }

    /// Moves every transfer on and returns progress and completions.
    public func advance() -> [Event] {
        var events: [Event] = refused.map { .finished(id: $0.0, result: .failure($0.1)) }
        refused.removeAll()
        var running: Int32 = 0
        _ = penny_curl_multi_perform(multi, &running)
        var queued: Int32 = 0
        var finished: [Int: CURLcode] = [:]
        while let message = penny_curl_multi_info_read(multi, &queued) {
            guard message.pointee.msg == CURLMSG_DONE,
                  let id = transfers.first(where: { $0.value.handle.raw == message.pointee.easy_handle })?.key else { continue }
            finished[id] = message.pointee.data.result
        }
        for (id, transfer) in transfers where finished[id] == nil && transfer.received > 0 && reported[id] != transfer.received {
            reported[id] = transfer.received
            events.append(.progress(id: id, received: transfer.received, expected: transfer.expected))
        }
        for (id, code) in finished.sorted(by: { $0.key < $1.key }) {
            guard let transfer = transfers.removeValue(forKey: id) else { continue }
            penny_curl_multi_remove_handle(multi, transfer.handle.raw)
            reported[id] = nil
            events.append(.finished(id: id, result: transfer.outcome(code)))
        }
        return events
    }
}
