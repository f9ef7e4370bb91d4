import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The server's threads and shared state; kept apart from `LoopbackHTTPServer` so that the
/// threads do not keep the public object alive and its deinit can stop them.
final class ServerCore: @unchecked Sendable {
    // @unchecked: every mutable field below is read and written only while holding `condition`.
    private let condition = NSCondition()
    private var stopped = false
    private var openConnections: Set<Int32> = []
    private var runningThreads = 0
    private var recordedRequests: [LoopbackHTTPServer.Request] = []
    private var sentByteCount = 0

    private let listener: ListeningSocket
    let handler: LoopbackHTTPServer.Handler

    init(listener: ListeningSocket, handler: @escaping LoopbackHTTPServer.Handler) {
        self.listener = listener
        self.handler = handler
    }

    var requests: [LoopbackHTTPServer.Request] { locked { recordedRequests } }
    var bytesSent: Int { locked { sentByteCount } }
    var isStopped: Bool { locked { stopped } }

    func start() {
        locked { runningThreads += 1 }
        Thread { [self] in
            acceptLoop()
            finishThread()
        }.start()
    }

    func stop() {
        let alreadyStopped = locked { () -> Bool in
            if stopped { return true }
            stopped = true
            // shutdown, not close: it wakes threads blocked in accept/recv, and the
            // descriptors stay reserved until their own thread closes them.
            shutdown(listener.descriptor, Int32(SHUT_RDWR))
            for descriptor in openConnections { shutdown(descriptor, Int32(SHUT_RDWR)) }
            return false
        }
        guard !alreadyStopped else { return }
        let deadline = Date().addingTimeInterval(2)
        condition.lock()
        while runningThreads > 0, condition.wait(until: deadline) {}
        condition.unlock()
    }

    func record(_ request: LoopbackHTTPServer.Request) {
        locked { recordedRequests.append(request) }
    }

    func countSent(_ count: Int) {
        locked { sentByteCount += count }
    }

    /// Sends and counts; false when the peer is gone.
    func send(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { buffer in
            let sent = sendAll(descriptor, buffer)
            if sent { countSent(buffer.count) }
            return sent
        }
    }

    private func acceptLoop() {
        while true {
            let descriptor = accept(listener.descriptor, nil, nil)
            if descriptor < 0 {
                if isStopped { break }
                if errno == EINTR || errno == ECONNABORTED { continue }
                usleep(10_000)  // out of descriptors or similar: do not spin
                continue
            }
            let accepted = locked { () -> Bool in
                guard !stopped else { return false }
                openConnections.insert(descriptor)
                runningThreads += 1
                return true
            }
            guard accepted else {
                close(descriptor)
                break
            }
            #if canImport(Darwin)
            var one: Int32 = 1
            setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
            #endif
            Thread { [self] in
                var connection = Connection(descriptor: descriptor, core: self)
                connection.serve()
                locked { _ = openConnections.remove(descriptor) }
                // Closed only once removed, so stop() never shuts down a reused descriptor number.
                close(descriptor)
                finishThread()
            }.start()
        }
        close(listener.descriptor)
    }

    private func finishThread() {
        locked {
            runningThreads -= 1
            condition.broadcast()
        }
    }

    private func locked<T>(_ body: () -> T) -> T {
        condition.lock()
        defer { condition.unlock() }
        return body()
    }
}
