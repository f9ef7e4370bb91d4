import HTTPModel
import Testing

@Suite("Form encoding")
struct FormURLEncodingTests {
    @Test func encodesAsBrowsersSubmitForms() {
        let body = FormURLEncoding.encode([("q", "penny & 402"), ("lang", "日本"), ("safe", "*-._~!")])
        #expect(body == "q=penny+%26+402&lang=%E6%97%A5%E6%9C%AC&safe=*-._%7E%21")
    }

    @Test func requestHelperSetsMethodBodyAndContentType() {
        let request = HTTPRequest.formURLEncoded(url: "http://shop/pay", fields: [("amount", "21")])
        #expect(request.method == .post)
        #expect(request.body == Array("amount=21".utf8))
        #expect(request.headers["Content-Type"] == "application/x-www-form-urlencoded")
    }

    @Test func requestHelperKeepsAGivenContentType() {
        let request = HTTPRequest.formURLEncoded(url: "http://shop/pay", fields: [],
                                                 headers: ["Content-Type": "application/x-www-form-urlencoded; charset=UTF-8"])
        #expect(request.headers.values(for: "content-type") == ["application/x-www-form-urlencoded; charset=UTF-8"])
        #expect(request.body == [])
    }
}
