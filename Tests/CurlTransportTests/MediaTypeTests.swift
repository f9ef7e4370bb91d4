import HTTPModel
import Testing

@Suite("MediaType")
struct MediaTypeTests {
    @Test func typeSubtypeAndCharset() throws {
        let type = try #require(MediaType("Text/HTML; Charset=Shift_JIS"))
        #expect(type.type == "text")
        #expect(type.subtype == "html")
        #expect(type.essence == "text/html")
        #expect(type.charset == "Shift_JIS")
        #expect(type.isHTML)
    }

    @Test func quotedValuesWithEscapesAndSpaces() throws {
        let type = try #require(MediaType(#"  text/plain ; charset = "utf-8" ; format="a\"b" ;x=1  "#))
        #expect(type.essence == "text/plain")
        // "charset " (with a space) is not a token, so that parameter is skipped.
        #expect(type.charset == nil)
        #expect(type.parameters["format"] == #"a"b"#)
        #expect(type.parameters["x"] == "1")
    }

    @Test func firstParameterWins() {
        #expect(MediaType("text/html;charset=gbk;charset=utf-8")?.charset == "gbk")
    }

    @Test func unterminatedQuoteRunsToTheEnd() {
        #expect(MediaType(#"text/html; charset="big5"#)?.charset == "big5")
    }

    @Test(arguments: ["", "text", "/html", "text/", "text /html", "te(xt/html", "text/ht ml", ";charset=utf-8",
                      "\u{0}", "text/html\u{7F}"])
    func garbageIsRejected(value: String) {
        #expect(MediaType(value) == nil)
    }

    @Test func garbageParametersAreSkipped() throws {
        let type = try #require(MediaType("application/json; ; =x; novalue; charset=; ok=yes"))
        #expect(type.essence == "application/json")
        #expect(type.parameters == ["ok": "yes"])
    }

    @Test func responseExposesItsMediaType() {
        let response = HTTPResponse(requestedURL: "http://a/", headers: ["Content-Type": "image/PNG"])
        #expect(response.mediaType?.essence == "image/png")
        #expect(HTTPResponse(requestedURL: "http://a/").mediaType == nil)
    }
}
