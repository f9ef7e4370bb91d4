import HTTPModel
import Testing

@Suite("HTTPHeaders")
struct HTTPHeadersTests {
    private var paymentHeaders: HTTPHeaders {
        var headers = HTTPHeaders()
        headers.add("Content-Type", "text/html")
        headers.add("WWW-Authenticate", "Payment one")
        headers.add("www-authenticate", "L402 two")
        headers.add("WWW-Authenticate", "Cashu three")
        return headers
    }

    @Test func lookupIgnoresCaseAndReturnsTheFirst() {
        #expect(paymentHeaders["WWW-AUTHENTICATE"] == "Payment one")
        #expect(paymentHeaders["content-type"] == "text/html")
        #expect(paymentHeaders["Location"] == nil)
    }

    @Test func repeatedFieldsKeepTheirOrder() {
        #expect(paymentHeaders.values(for: "Www-Authenticate") == ["Payment one", "L402 two", "Cashu three"])
        #expect(paymentHeaders.count == 4)
        #expect(paymentHeaders.map(\.name) == ["Content-Type", "WWW-Authenticate", "www-authenticate", "WWW-Authenticate"])
    }

    @Test func containsIgnoresCase() {
        #expect(paymentHeaders.contains("CONTENT-type"))
        #expect(!paymentHeaders.contains("Content"))
    }

    @Test func setReplacesEveryFieldOfThatNameInPlace() {
        var headers = paymentHeaders
        headers.add("X-After", "1")
        headers.set("WWW-Authenticate", "only")
        #expect(headers.map(\.description) == ["Content-Type: text/html", "WWW-Authenticate: only", "X-After: 1"])
        headers.set("New", "appended")
        #expect(headers.fields.last == HTTPHeader(name: "New", value: "appended"))
    }

    @Test func removeDropsEveryFieldOfThatName() {
        var headers = paymentHeaders
        headers.remove("www-authenticate")
        #expect(headers.map(\.name) == ["Content-Type"])
    }

    @Test func literalsAndPairsKeepOrderAndRepeats() {
        let literal: HTTPHeaders = ["Accept": "text/html", "X-B": "2"]
        #expect(literal.map(\.name) == ["Accept", "X-B"])
        let pairs = HTTPHeaders([("Set-Cookie", "a=1"), ("Set-Cookie", "b=2")])
        #expect(pairs.values(for: "set-cookie") == ["a=1", "b=2"])
        #expect(HTTPHeaders().isEmpty)
    }

    @Test func nonASCIINamesAreNotCaseFolded() {
        let headers = HTTPHeaders([("X-Straße", "1")])
        #expect(headers["x-straße"] == "1")
        #expect(headers["X-STRASSE"] == nil)
    }
}
