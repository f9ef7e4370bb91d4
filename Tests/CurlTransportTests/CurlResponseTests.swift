import CurlTransport
import HTTPModel
import TestSupport
import Testing

@Suite("Responses through libcurl")
struct CurlResponseTests {
    @Test func paymentRequiredKeepsEveryChallengeInOrder() throws {
        let challenges = [
            #"Payment method="lightning", invoice="lnbc10n1p..."#,
            #"Payment method="cashu", mint="https://mint.example""#,
            #"L402 macaroon="AgEE", invoice="lnbc20n1p...""#,
        ]
        let body = #"{"error":"payment required","amount":21}"#
        let server = try LoopbackHTTPServer { _ in
            .init(status: 402, headers: [
                ("Content-Type", "application/json"),
                ("WWW-Authenticate", challenges[0]),
                ("WWW-Authenticate", challenges[1]),
                ("WWW-Authenticate", challenges[2]),
                ("PAYMENT-REQUIRED", "eyJhbW91bnQiOjIxfQ=="),
            ], body: .bytes(Array(body.utf8)))
        }
        let response = try quickTransport().perform(HTTPRequest(url: server.url("/article")))

        #expect(response.status == 402)
        #expect(response.isPaymentRequired)
        #expect(response.reason == "Payment Required")
        #expect(response.headers.values(for: "www-authenticate") == challenges)
        #expect(response.headers["Payment-Required"] == "eyJhbW91bnQiOjIxfQ==")
        #expect(response.text == body)
        let names = response.headers.map(\.name)
        #expect(Array(names.prefix(5)) == [
            "Content-Type", "WWW-Authenticate", "WWW-Authenticate", "WWW-Authenticate", "PAYMENT-REQUIRED",
        ])
    }

    @Test func interimContinueResponseIsDropped() throws {
        let server = try LoopbackHTTPServer { request in
            .init(headers: [("X-Received", "\(request.body.count)")], body: .bytes(Array("stored".utf8)))
        }
        // libcurl asks for `100 Continue` before sending a body this large.
        let body = [UInt8](repeating: UInt8(ascii: "a"), count: 2 << 20)
        let response = try quickTransport().perform(
            HTTPRequest(url: server.url("/upload"), method: .post, body: body))

        #expect(server.requests.first?.header("Expect") == "100-continue")
        #expect(response.status == 200)
        #expect(response.reason == "OK")
        #expect(response.headers["X-Received"] == "\(body.count)")
        #expect(response.headers.count == 2)  // X-Received and Content-Length, nothing of the 100
        #expect(response.text == "stored")
    }

    @Test func gzipBodyIsDecompressed() throws {
        let server = try LoopbackHTTPServer { _ in
            .init(headers: [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                  body: .bytes(GzipFixture.bytes))
        }
        let response = try quickTransport().perform(HTTPRequest(url: server.url("/")))

        #expect(server.requests.first?.header("Accept-Encoding")?.contains("gzip") == true)
        #expect(response.text == GzipFixture.text)
        #expect(response.body.count > GzipFixture.bytes.count)
    }

    @Test func latin1BytesArriveUntouchedWithTheirCharset() throws {
        // "Café crème à 10 €" is not Latin-1 (€); the page says it is windows-1252.
        let page: [UInt8] = [0x43, 0x61, 0x66, 0xE9, 0x20, 0x63, 0x72, 0xE8, 0x6D, 0x65, 0x20, 0xE0, 0x20,
                             0x31, 0x30, 0x20, 0x80]
        let server = try LoopbackHTTPServer { _ in
            .init(headers: [("Content-Type", "text/html; charset=ISO-8859-1")], body: .bytes(page))
        }
        let response = try quickTransport().perform(HTTPRequest(url: server.url("/")))
        #expect(response.body == page)
        #expect(response.mediaType?.charset == "ISO-8859-1")
        #expect(response.mediaType?.isHTML == true)
    }

    @Test func shiftJISBytesArriveUntouchedWithTheirCharset() throws {
        let page: [UInt8] = [0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA]  // 日本語
        let server = try LoopbackHTTPServer { _ in
            .init(headers: [("Content-Type", #"text/plain; charset="Shift_JIS""#)], body: .bytes(page))
        }
        let response = try quickTransport().perform(HTTPRequest(url: server.url("/")))
        #expect(response.body == page)
        #expect(response.mediaType?.charset == "Shift_JIS")
    }

    @Test func slowBodyWithinTheTimeoutArrivesWhole() throws {
        let server = try LoopbackHTTPServer { _ in
            .init(body: .generated(count: 200), delivery: .slowly(chunkSize: 50, pause: .milliseconds(50)))
        }
        let response = try quickTransport(timeout: .seconds(5)).perform(HTTPRequest(url: server.url("/")))
        #expect(response.body == LoopbackHTTPServer.Response.generatedBytes(count: 200))
    }

    @Test func bodyDelimitedByCloseArrivesWhole() throws {
        let server = try LoopbackHTTPServer { _ in
            .init(body: .generated(count: 300_000), sendsContentLength: false)
        }
        let response = try quickTransport().perform(HTTPRequest(url: server.url("/")))
        #expect(response.body == LoopbackHTTPServer.Response.generatedBytes(count: 300_000))
    }
}
