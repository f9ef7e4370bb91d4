import HTTPModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP server on 127.0.0.1 that answers each connection with bytes of its own and closes.
/// By default it answers whatever arrives (a TLS ClientHello included) with a plain-text HTTP
/// 400: what an https:// URL meets at a port that speaks plain HTTP (`LoopbackHTTPServer`
/// waits for a blank line that a TLS handshake never sends). A script of answers can also
/// stop listening after one, so that the next connection is refused.
final class PlainResponder: @unchecked Sendable {
    /// What to send to the connection numbered `index` (from 0), given what it sent, and
    /// whether to stop listening right after.
    typealias Script = @Sendable (_ index: Int, _ received: [UInt8]) -> (answer: [UInt8], thenStop: Bool)

    static let badRequest: Script = { _, _ in
        (Array("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8), false)
    }

    let port: UInt16
    private let descriptor: Int32
    private let stopped = Locked(false)

    init(script: @escaping Script = PlainResponder.badRequest) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ChildError("socket failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr = in_addr(s_addr: UInt32(0x7F00_0001).bigEndian)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw ChildError("bind/listen failed")
        }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        port = UInt16(bigEndian: address.sin_port)
        descriptor = fd
        Thread { [self] in
            var index = 0
            while !stopped.value {
                let client = accept(fd, nil, nil)
                if client < 0 { if stopped.value { break } else { continue } }
                let received = Self.receiveHead(client)
                let (answer, thenStop) = script(index, received)
                index += 1
                _ = answer.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                if thenStop { stop() }
                close(client)
            }
        }.start()
    }

    func stop() {
        let first = stopped.withLock { wasStopped -> Bool in
            defer { wasStopped = true }
            return !wasStopped
        }
        guard first else { return }
        shutdown(descriptor, Int32(SHUT_RDWR))
        close(descriptor)
    }

    /// What a client sent up to the end of its request head (or whatever a non-HTTP client
    /// sent first), read within a second.
    private static func receiveHead(_ client: Int32) -> [UInt8] {
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while received.count < 1 << 20 {
            let count = buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            received += buffer[..<count]
            // A TLS ClientHello has no blank line: its first read is all there is to wait for.
            if received.first != UInt8(ascii: "G") && received.first != UInt8(ascii: "P") && received.first != UInt8(ascii: "H") { break }
            if received.count >= 4, received.suffix(4) == [13, 10, 13, 10] { break }
        }
        return received
    }
}
