import CurlTransport
import Foundation
import HTTPModel
import TestSupport
import Testing

@Suite("Transfers side by side in a multi handle")
struct CurlMultiFetcherTests {
    /// Runs the fetcher until every transfer finished (at most `seconds`).
    func drain(_ fetcher: CurlMultiFetcher, seconds: Double = 10) -> [CurlMultiFetcher.Event] {
        var events: [CurlMultiFetcher.Event] = []
        let deadline = Date().addingTimeInterval(seconds)
        while fetcher.isBusy && Date() < deadline {
            _ = fetcher.wait(alsoOn: -1, milliseconds: 50)
            events += fetcher.advance()
        }
        return events
    }

    func results(_ events: [CurlMultiFetcher.Event]) -> [Int: Result<HTTPResponse, TransportError>] {
        var results: [Int: Result<HTTPResponse, TransportError>] = [:]
        for case .finished(let id, let result) in events { results[id] = result }
        return results
    }

    @Test func twoTransfersFinishWithTheirOwnResponses() throws {
        let server = try LoopbackHTTPServer { request in .text("page " + request.path) }
        let fetcher = CurlMultiFetcher(configuration: .init(connectTimeout: .seconds(2), timeout: .seconds(5)))
        fetcher.start(id: 1, request: HTTPRequest(url: server.url("/one")))
        fetcher.start(id: 2, request: HTTPRequest(url: server.url("/two")))
        let finished = results(drain(fetcher))
        #expect(try finished[1]?.get().body == Array("page /one".utf8))
        #expect(try finished[2]?.get().body == Array("page /two".utf8))
        #expect(!fetcher.isBusy)
    }

    @Test func progressIsReportedForALargeBody() throws {
        let server = try LoopbackHTTPServer { _ in
            LoopbackHTTPServer.Response(status: 200, headers: [("Content-Type", "text/plain")], body: .generated(count: 4 << 20),
                     delivery: .slowly(chunkSize: 256 << 10, pause: .milliseconds(5)))
        }
        let fetcher = CurlMultiFetcher(configuration: .init(connectTimeout: .seconds(2), timeout: .seconds(10)))
        fetcher.start(id: 7, request: HTTPRequest(url: server.url("/big")))
        let events = drain(fetcher)
        var progress: [Int] = []
        for case .progress(7, let received, let expected) in events {
            progress.append(received)
            #expect(expected == 4 << 20)
        }
        #expect(progress.count >= 2)
        #expect(progress == progress.sorted())
        #expect(try results(events)[7]?.get().body.count == 4 << 20)
    }

    @Test func aCancelledTransferReportsNothing() throws {
        let server = try LoopbackHTTPServer { _ in .neverAnswer }
        let fetcher = CurlMultiFetcher(configuration: .init(connectTimeout: .seconds(2), timeout: .seconds(30)))
        fetcher.start(id: 3, request: HTTPRequest(url: server.url("/hang")))
        _ = fetcher.wait(alsoOn: -1, milliseconds: 50)
        _ = fetcher.advance()
        fetcher.cancel(id: 3)
        #expect(!fetcher.isBusy)
        #expect(results(drain(fetcher, seconds: 0.3)).isEmpty)
    }

    @Test func aRefusedSchemeIsReportedAsAFailure() {
        let fetcher = CurlMultiFetcher()
        fetcher.start(id: 4, request: HTTPRequest(url: "gopher://example.com/"))
        let finished = results(drain(fetcher))
        guard case .failure(let error)? = finished[4] else {
            Issue.record("no failure reported")
            return
        }
        #expect(error.kind == .unsupportedScheme)
    }

    @Test func waitWakesUpForInputOnAnotherDescriptor() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]); close(fds[1]) }
        let fetcher = CurlMultiFetcher()
        #expect(!fetcher.wait(alsoOn: fds[0], milliseconds: 10))
        _ = write(fds[1], "x", 1)
        let start = Date()
        #expect(fetcher.wait(alsoOn: fds[0], milliseconds: 5000))
        #expect(Date().timeIntervalSince(start) < 2)
    }
}

@Suite("Cookies through libcurl's engine")
struct CurlCookieTests {
    @Test func cookiesAreKeptInTheJarAndSentBackAcrossTransports() throws {
        let server = try LoopbackHTTPServer { request in
            if request.path == "/set" {
                return LoopbackHTTPServer.Response(status: 200, headers: [("Set-Cookie", "session=abc123; Path=/")],
                                                   body: .bytes(Array("set".utf8)))
            }
            return .text("cookie: " + (request.header("Cookie") ?? "none"))
        }
        let jar = FileManager.default.temporaryDirectory.appendingPathComponent("penny-jar-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: jar) }
        let first = CurlEasyTransport(configuration: .init(timeout: .seconds(5), cookieJar: jar))
        _ = try first.perform(HTTPRequest(url: server.url("/set")))
        let jarText = try String(contentsOfFile: jar, encoding: .utf8)
        #expect(jarText.contains("Netscape HTTP Cookie File"))
        #expect(jarText.contains("session\tabc123"))
        // A new transport, as a new Penny process would be: the cookie comes from the file.
        let second = CurlEasyTransport(configuration: .init(timeout: .seconds(5), cookieJar: jar))
        let response = try second.perform(HTTPRequest(url: server.url("/echo")))
        #expect(String(decoding: response.body, as: UTF8.self) == "cookie: session=abc123")
    }

    /// The jar is written only by a transfer that changed a cookie: reading pages that set
    /// none leaves the file as it was (same inode, same bytes); a new or changed cookie, an
    /// HttpOnly one or a session cookie is written.
    @Test func theJarIsWrittenOnlyWhenACookieChanged() throws {
        let server = try LoopbackHTTPServer { request in
            switch request.path {
            case "/set": return LoopbackHTTPServer.Response(status: 200, headers: [("Set-Cookie", "a=1; Path=/; Max-Age=3600")], body: .bytes([]))
            case "/change": return LoopbackHTTPServer.Response(status: 200, headers: [("Set-Cookie", "a=2; Path=/; Max-Age=3600")], body: .bytes([]))
            case "/private": return LoopbackHTTPServer.Response(status: 200, headers: [("Set-Cookie", "p=1; Path=/; HttpOnly; Max-Age=3600")], body: .bytes([]))
            case "/session": return LoopbackHTTPServer.Response(status: 200, headers: [("Set-Cookie", "s=1; Path=/")], body: .bytes([]))
            default: return .text("cookie: " + (request.header("Cookie") ?? "none"))
            }
        }
        let jar = FileManager.default.temporaryDirectory.appendingPathComponent("penny-jar-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: jar) }
        func transport() -> CurlEasyTransport { CurlEasyTransport(configuration: .init(timeout: .seconds(5), cookieJar: jar)) }
        func inode() -> UInt64? { (try? FileManager.default.attributesOfItem(atPath: jar))?[.systemFileNumber] as? UInt64 }

        _ = try transport().perform(HTTPRequest(url: server.url("/plain")))
        #expect(!FileManager.default.fileExists(atPath: jar), "no cookie, no jar")
        _ = try transport().perform(HTTPRequest(url: server.url("/set")))
        let written = try String(contentsOfFile: jar, encoding: .utf8)
        #expect(written.contains("\ta\t1"))
        let firstInode = inode()

        for _ in 0..<3 {
            let echo = try transport().perform(HTTPRequest(url: server.url("/plain")))
            #expect(String(decoding: echo.body, as: UTF8.self) == "cookie: a=1")
        }
        #expect(inode() == firstInode, "an unchanged jar is not written again")
        #expect(try String(contentsOfFile: jar, encoding: .utf8) == written)

        for (path, expected) in [("/change", "\ta\t2"), ("/private", "#HttpOnly_127.0.0.1"), ("/session", "\ts\t1")] {
            _ = try transport().perform(HTTPRequest(url: server.url(path)))
            let text = try String(contentsOfFile: jar, encoding: .utf8)
            #expect(text.contains(expected), "\(path): \(text)")
        }
        let everything = try transport().perform(HTTPRequest(url: server.url("/plain")))
        let sent = String(decoding: everything.body, as: UTF8.self)
        for cookie in ["a=2", "p=1", "s=1"] { #expect(sent.contains(cookie), "\(sent)") }
        // Reading it back and sending it changes nothing: the jar stays as it is.
        let settled = inode()
        _ = try transport().perform(HTTPRequest(url: server.url("/plain")))
        #expect(inode() == settled)
    }
}
