import CurlTransport
import HTTPModel
import TestSupport
import Testing

@Suite("Requests through libcurl")
struct CurlRequestTests {
    @Test func plainGetReturnsStatusHeadersAndBody() throws {
        let server = try LoopbackHTTPServer { request in
            request.path == "/hello" ? .html("<p>Hello, Penny</p>") : .notFound
        }
        let response = try quickTransport().perform(HTTPRequest(url: server.url("/hello")))

        #expect(response.status == 200)
        #expect(response.reason == "OK")
        #expect(response.httpVersion == "HTTP/1.1")
        #expect(response.text == "<p>Hello, Penny</p>")
        #expect(response.headers["content-type"] == "text/html; charset=utf-8")
        #expect(response.mediaType?.charset == "utf-8")
        #expect(response.requestedURL == server.url("/hello"))
        #expect(response.finalURL == server.url("/hello"))
        #expect(server.requests.map(\.method) == ["GET"])
    }

    @Test func errorStatusIsAResponseNotAnError() throws {
        let server = try LoopbackHTTPServer { _ in .text("gone", status: 404) }
        let response = try quickTransport().perform(HTTPRequest(url: server.url("/missing")))
        #expect(response.status == 404)
        #expect(response.text == "gone")
    }

    @Test func headSendsHeadAndReturnsNoBody() throws {
        let server = try LoopbackHTTPServer { _ in .text(String(repeating: "x", count: 500)) }
        let response = try quickTransport().perform(HTTPRequest(url: server.url("/"), method: .head))

        #expect(server.requests.map(\.method) == ["HEAD"])
        #expect(response.status == 200)
        #expect(response.body.isEmpty)
        #expect(response.headers["Content-Length"] == "500")
    }

    @Test func urlEncodedPostBodyReachesTheServer() throws {
        let server = try LoopbackHTTPServer { request in .text("got \(request.body.count) bytes") }
        let request = HTTPRequest.formURLEncoded(
            url: server.url("/pay"), fields: [("name", "Jürgen K"), ("amount", "10%"), ("note", "a&b=c")])
        let response = try quickTransport().perform(request)

        let seen = try #require(server.requests.first)
        #expect(seen.method == "POST")
        #expect(seen.path == "/pay")
        #expect(seen.bodyText == "name=J%C3%BCrgen+K&amount=10%25&note=a%26b%3Dc")
        #expect(seen.headerValues("Content-Type") == ["application/x-www-form-urlencoded"])
        #expect(response.text == "got \(seen.body.count) bytes")
    }

    @Test func postWithoutContentTypeIsSentAsUrlEncoded() throws {
        let server = try LoopbackHTTPServer { _ in .text("ok") }
        let request = HTTPRequest(url: server.url("/"), method: .post, body: Array("a=1".utf8))
        _ = try quickTransport().perform(request)
        #expect(server.requests.first?.headerValues("content-type") == ["application/x-www-form-urlencoded"])
        #expect(server.requests.first?.bodyText == "a=1")
    }

    @Test func postKeepsTheRequestsOwnContentTypeAndEmptyBodies() throws {
        let server = try LoopbackHTTPServer { _ in .text("ok") }
        let json = HTTPRequest(url: server.url("/json"), method: .post,
                               headers: ["Content-Type": "application/json"], body: Array("{}".utf8))
        _ = try quickTransport().perform(json)
        _ = try quickTransport().perform(HTTPRequest(url: server.url("/empty"), method: .post, body: []))

        let requests = server.requests
        #expect(requests.count == 2)
        #expect(requests.first?.headerValues("Content-Type") == ["application/json"])
        #expect(requests.first?.bodyText == "{}")
        #expect(requests.last?.method == "POST")
        #expect(requests.last?.header("Content-Length") == "0")
    }

    @Test func requestHeadersAreSentInOrderWithRepeats() throws {
        let server = try LoopbackHTTPServer { _ in .text("ok") }
        var headers = HTTPHeaders()
        headers.add("Accept-Language", "ja")
        headers.add("X-Token", "one")
        headers.add("X-Token", "two")
        headers.add("X-Injected", "evil\r\nSet-Cookie: x=1")
        _ = try quickTransport().perform(HTTPRequest(url: server.url("/"), headers: headers))

        let seen = try #require(server.requests.first)
        #expect(seen.header("accept-language") == "ja")
        #expect(seen.headerValues("X-Token") == ["one", "two"])
        #expect(seen.headerValues("Set-Cookie").isEmpty)
        #expect(seen.header("X-Injected") == "evil Set-Cookie: x=1")
    }

    @Test func userAgentIsPennyAndNeverMozilla() throws {
        let server = try LoopbackHTTPServer { _ in .text("ok") }
        _ = try quickTransport().perform(HTTPRequest(url: server.url("/")))
        _ = try quickTransport(userAgent: "Mozilla/5.0 (pretend)").perform(HTTPRequest(url: server.url("/")))
        _ = try quickTransport().perform(
            HTTPRequest(url: server.url("/"), headers: ["User-Agent": "Mozilla/5.0 Chrome"]))
        _ = try quickTransport(userAgent: "Penny/9.9 (test)").perform(HTTPRequest(url: server.url("/")))

        let agents = server.requests.map { $0.header("User-Agent") ?? "" }
        #expect(agents == ["Penny/0.1.0", "Penny/0.1.0", "Penny/0.1.0", "Penny/9.9 (test)"])
        #expect(agents.allSatisfy { !$0.lowercased().contains("mozilla") })
    }

    @Test func oneTransportServesManyThreadsAtOnce() async throws {
        let server = try LoopbackHTTPServer { request in .text("page \(request.path)") }
        let transport = quickTransport()
        let texts = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<8 {
                group.addTask { try transport.perform(HTTPRequest(url: server.url("/\(index)"))).text }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(texts) == Set((0..<8).map { "page /\($0)" }))
    }
}
