import HTTPModel
import Testing

@Suite("InMemoryTransport")
struct InMemoryTransportTests {
    @Test func cannedResponsesAndRecordedRequests() throws {
        let transport = InMemoryTransport()
        transport.respond(to: "http://shop/", text: "<p>hi</p>")
        transport.respond(to: "http://shop/paid", status: 402, headers: ["WWW-Authenticate": "Payment x"], body: [1])

        let page = try transport.perform(HTTPRequest(url: "http://shop/#top"))
        #expect(page.status == 200)
        #expect(page.body == Array("<p>hi</p>".utf8))
        #expect(page.mediaType?.charset == "utf-8")

        let paid = try transport.perform(HTTPRequest(url: "http://shop/paid", method: .head))
        #expect(paid.isPaymentRequired)
        #expect(paid.body.isEmpty)
        #expect(transport.requests.map(\.url) == ["http://shop/#top", "http://shop/paid"])
        #expect(transport.requests.map(\.method) == [.get, .head])
    }

    @Test func redirectsReportTheFinalURL() throws {
        let transport = InMemoryTransport()
        transport.redirect("http://a/", to: "http://b/")
        transport.respond(to: "http://b/", text: "b")
        let response = try transport.perform(HTTPRequest(url: "http://a/"))
        #expect(response.requestedURL == "http://a/")
        #expect(response.finalURL == "http://b/")
    }

    @Test func redirectLoopsAndFailuresThrow() {
        let transport = InMemoryTransport()
        transport.redirect("http://loop/", to: "http://loop/")
        transport.fail("http://down/", with: .couldNotConnect)

        #expect(transportError { try transport.perform(HTTPRequest(url: "http://loop/")) }?.kind == .tooManyRedirects)
        #expect(transportError { try transport.perform(HTTPRequest(url: "http://down/")) }?.kind == .couldNotConnect)
        let unrouted = transportError { try transport.perform(HTTPRequest(url: "http://unknown/")) }
        #expect(unrouted?.message.contains("http://unknown/") == true)
    }

    @Test func usableAsAnyTransportAcrossThreads() async throws {
        let transport: any HTTPTransport = {
            let memory = InMemoryTransport()
            for index in 0..<20 { memory.respond(to: "http://t/\(index)", text: "\(index)") }
            return memory
        }()
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<20 {
                group.addTask { try transport.perform(HTTPRequest(url: "http://t/\(index)")).status }
            }
            return try await group.reduce(0) { $0 + $1 }
        }
        #expect(statuses == 20 * 200)
    }
}
