import CurlTransport
import HTTPModel
import TestSupport
import Testing

@Suite("Redirects")
struct CurlRedirectTests {
    /// "/hops/N" redirects to "/hops/N-1"; "/hops/0" is the page.
    private func hopServer() throws -> LoopbackHTTPServer {
        try LoopbackHTTPServer { request in
            guard request.path.hasPrefix("/hops/"), let hops = Int(request.path.dropFirst("/hops/".count)) else {
                return .notFound
            }
            if hops == 0 {
                return .init(headers: [("Content-Type", "text/html"), ("X-Final", "yes")],
                             body: .bytes(Array("<p>arrived</p>".utf8)))
            }
            return .init(status: 302, headers: [("Location", "/hops/\(hops - 1)"), ("X-Hop", "\(hops)")],
                         body: .bytes(Array("moved".utf8)))
        }
    }

    @Test func chainReportsFinalURLAndOnlyTheFinalHeaders() throws {
        let server = try hopServer()
        let response = try quickTransport().perform(HTTPRequest(url: server.url("/hops/3")))

        #expect(response.status == 200)
        #expect(response.text == "<p>arrived</p>")
        #expect(response.requestedURL == server.url("/hops/3"))
        #expect(response.finalURL == server.url("/hops/0"))
        #expect(response.headers["X-Final"] == "yes")
        #expect(response.headers.values(for: "X-Hop").isEmpty)
        #expect(response.headers.values(for: "Location").isEmpty)
        #expect(server.requests.map(\.path) == ["/hops/3", "/hops/2", "/hops/1", "/hops/0"])
    }

    @Test func tenRedirectsAreFollowed() throws {
        let server = try hopServer()
        let response = try quickTransport().perform(HTTPRequest(url: server.url("/hops/10")))
        #expect(response.finalURL == server.url("/hops/0"))
        #expect(server.requests.count == 11)
    }

    @Test func elevenRedirectsAreTooMany() throws {
        let server = try hopServer()
        let url = server.url("/hops/11")
        let error = transportError { try quickTransport().perform(HTTPRequest(url: url)) }

        #expect(error?.kind == .tooManyRedirects)
        #expect(error?.url == url)
        #expect(error?.message == "\(url) redirected more than 10 times")
    }

    @Test func seeOtherAfterPostFetchesWithGet() throws {
        let server = try LoopbackHTTPServer { request in
            request.path == "/submit" ? .redirect(to: "/thanks", status: 303) : .text("thanks")
        }
        let response = try quickTransport().perform(
            .formURLEncoded(url: server.url("/submit"), fields: [("a", "1")]))
        #expect(response.text == "thanks")
        #expect(server.requests.map(\.method) == ["POST", "GET"])
    }

    @Test func redirectToFileIsNotFollowed() throws {
        let server = try LoopbackHTTPServer { _ in .redirect(to: "file:///etc/passwd") }
        let url = server.url("/steal")
        let error = transportError { try quickTransport().perform(HTTPRequest(url: url)) }

        let refused = try #require(error)
        #expect(refused.kind == .unsupportedScheme)
        #expect(refused.message == "\(url) redirects to file:///etc/passwd, which Penny does not follow")
        #expect(!refused.description.contains("root:"))
    }
}
