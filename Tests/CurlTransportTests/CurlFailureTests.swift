import CurlTransport
import HTTPModel
import TestSupport
import Testing

@Suite("Failures through libcurl")
struct CurlFailureTests {
    @Test func serverThatNeverAnswersTimesOut() throws {
        let server = try LoopbackHTTPServer { _ in .neverAnswer }
        let clock = ContinuousClock()
        let start = clock.now
        let error = transportError { try quickTransport(timeout: .seconds(1)).perform(HTTPRequest(url: server.url("/"))) }
        let elapsed = clock.now - start

        #expect(error?.kind == .timedOut)
        #expect(error?.message == "127.0.0.1:\(server.port) did not answer within 1 s")
        #expect(elapsed >= .milliseconds(900))
        #expect(elapsed < .seconds(4))
    }

    @Test func bodyThatStallsTimesOut() throws {
        let server = try LoopbackHTTPServer { _ in
            .init(body: .generated(count: 100), delivery: .slowly(chunkSize: 10, pause: .milliseconds(400)))
        }
        let error = transportError { try quickTransport(timeout: .seconds(1)).perform(HTTPRequest(url: server.url("/"))) }

        #expect(error?.kind == .timedOut)
        #expect(error?.message == "127.0.0.1:\(server.port) did not finish sending the page within 1 s")
    }

    @Test func hundredMegabytesWithContentLengthAreRefusedUpFront() throws {
        let server = try LoopbackHTTPServer { _ in .init(body: .generated(count: 100_000_000)) }
        let url = server.url("/huge")
        let error = transportError { try quickTransport().perform(HTTPRequest(url: url)) }

        #expect(error?.kind == .tooLarge)
        #expect(error?.message == "response larger than 64 MiB refused (\(url))")
        // libcurl refused on seeing Content-Length: only what fit in socket buffers was sent.
        #expect(server.bytesSent < 32_000_000)
    }

    @Test func hundredMegabytesOfUnknownLengthAreCutOffAtTheLimit() throws {
        let server = try LoopbackHTTPServer { _ in
            .init(body: .generated(count: 100_000_000), sendsContentLength: false)
        }
        let error = transportError { try quickTransport().perform(HTTPRequest(url: server.url("/stream"))) }

        #expect(error?.kind == .tooLarge)
        // Aborted once 64 MiB had arrived, long before the 100 MB were sent.
        #expect(server.bytesSent < 90_000_000)
    }

    @Test func smallLimitStopsTheTransferEarly() throws {
        let server = try LoopbackHTTPServer { _ in
            .init(body: .generated(count: 100_000_000), sendsContentLength: false)
        }
        let error = transportError {
            try quickTransport(maximumBodyBytes: 1 << 20).perform(HTTPRequest(url: server.url("/stream")))
        }

        #expect(error?.kind == .tooLarge)
        #expect(error?.message.hasPrefix("response larger than 1 MiB refused") == true)
        #expect(server.bytesSent < 32_000_000)
    }

    @Test func closedPortCannotConnect() throws {
        let server = try LoopbackHTTPServer { _ in .text("never") }
        let url = server.url("/")
        server.stop()
        let error = transportError { try quickTransport().perform(HTTPRequest(url: url)) }

        #expect(error?.kind == .couldNotConnect)
        #expect(error?.message == "could not connect to 127.0.0.1:\(server.port)")
        #expect(error?.detail?.isEmpty == false)
    }

    @Test func connectionClosedMidBodyIsLost() throws {
        let server = try LoopbackHTTPServer { _ in
            .init(body: .generated(count: 1000), delivery: .closeAfter(bodyBytes: 100))
        }
        let error = transportError { try quickTransport().perform(HTTPRequest(url: server.url("/"))) }

        #expect(error?.kind == .connectionLost)
        #expect(error?.message == "127.0.0.1:\(server.port) closed the connection before the page was complete")
    }

    @Test(arguments: ["ftp://example.com/file", "gopher://example.com/", "javascript:alert(1)"])
    func otherSchemesAreRefusedWithoutNetwork(url: String) {
        let error = transportError { try quickTransport().perform(HTTPRequest(url: url)) }
        #expect(error?.kind == .unsupportedScheme)
        #expect(error?.message.contains(url) == true)
    }

    @Test func textWithoutSchemeIsNotAURL() {
        let error = transportError { try quickTransport().perform(HTTPRequest(url: "just some words")) }
        #expect(error?.kind == .invalidURL)
    }
}
