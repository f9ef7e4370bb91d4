import Testing
import WebAddress

struct AbsoluteURLTests {
    let base = AbsoluteURL("http://a/b/c/d;p?q")!

    /// RFC 3986 section 5.4.1 normal examples.
    @Test(arguments: [
        ("g:h", "g:h"), ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"),
        ("/g", "http://a/g"), ("//g", "http://g/"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"),
        ("#s", "http://a/b/c/d;p?q#s"), ("g#s", "http://a/b/c/g#s"), ("g?y#s", "http://a/b/c/g?y#s"),
        (";x", "http://a/b/c/;x"), ("g;x", "http://a/b/c/g;x"), ("g;x?y#s", "http://a/b/c/g;x?y#s"),
        ("", "http://a/b/c/d;p?q"), (".", "http://a/b/c/"), ("./", "http://a/b/c/"), ("..", "http://a/b/"),
        ("../", "http://a/b/"), ("../g", "http://a/b/g"), ("../..", "http://a/"), ("../../", "http://a/"),
        ("../../g", "http://a/g"),
    ])
    func rfc3986NormalExamples(reference: String, expected: String) {
        #expect(base.resolve(reference)?.description == expected)
    }

    /// RFC 3986 section 5.4.2 abnormal examples.
    @Test(arguments: [
        ("../../../g", "http://a/g"), ("../../../../g", "http://a/g"), ("/./g", "http://a/g"), ("/../g", "http://a/g"),
        ("g.", "http://a/b/c/g."), (".g", "http://a/b/c/.g"), ("g..", "http://a/b/c/g.."), ("..g", "http://a/b/c/..g"),
        ("./../g", "http://a/b/g"), ("./g/.", "http://a/b/c/g/"), ("g/./h", "http://a/b/c/g/h"), ("g/../h", "http://a/b/c/h"),
        ("g;x=1/./y", "http://a/b/c/g;x=1/y"), ("g;x=1/../y", "http://a/b/c/y"),
    ])
    func rfc3986AbnormalExamples(reference: String, expected: String) {
        #expect(base.resolve(reference)?.description == expected)
    }

    @Test func browsersCleanUpsApply() {
        let page = AbsoluteURL("https://Example.COM/dir/page.html")!
        #expect(page.description == "https://example.com/dir/page.html")
        #expect(page.resolve("  next.html\n")?.description == "https://example.com/dir/next.html")
        #expect(page.resolve("a\tb.html")?.description == "https://example.com/dir/ab.html")
        #expect(page.resolve("\\up\\x")?.description == "https://example.com/up/x")
        #expect(page.resolve("https:other.html")?.description == "https://example.com/dir/other.html")
    }

    @Test func unsafeBytesArePercentEncoded() {
        let page = AbsoluteURL("https://example.com/")!
        #expect(page.resolve("with space.html")?.description == "https://example.com/with%20space.html")
        #expect(page.resolve("/ü")?.description == "https://example.com/%C3%BC")
        #expect(page.resolve("/x\u{1B}[2J")?.description == "https://example.com/x%1B[2J")
        #expect(page.resolve("/a%20b")?.description == "https://example.com/a%20b", "existing escapes stay")
    }

    @Test func otherSchemesStayAsTheyAre() {
        let page = AbsoluteURL("https://example.com/")!
        #expect(page.resolve("mailto:hi@example.com")?.description == "mailto:hi@example.com")
        #expect(page.resolve("javascript:void(0)")?.description == "javascript:void(0)")
    }

    @Test func originsAndPorts() {
        let url = AbsoluteURL("http://user@127.0.0.1:8080/x")!
        #expect(url.host == "127.0.0.1")
        #expect(url.port == 8080)
        #expect(url.origin?.description == "http://127.0.0.1:8080")
        #expect(url.origin?.isLoopback == true)
        #expect(AbsoluteURL("https://example.com/")!.origin?.description == "https://example.com")
        #expect(AbsoluteURL("https://example.com/")!.port == 443)
        #expect(AbsoluteURL("http://[::1]:9/")!.host == "::1")
        #expect(AbsoluteURL("https://example.com/")!.origin?.isLoopback == false)
        #expect(AbsoluteURL("file:///tmp/x")!.origin == nil)
    }

    @Test func notURLs() {
        #expect(AbsoluteURL("relative/path") == nil)
        #expect(AbsoluteURL("") == nil)
        #expect(AbsoluteURL("1http://x") == nil)
    }
}

struct UserInputTests {
    func url(_ input: String, existing: Set<String> = []) -> String? {
        UserInput.url(from: input, currentDirectory: "/home/u", fileExists: { existing.contains($0) })?.description
    }

    @Test func absoluteURLsAreKept() {
        #expect(url("https://example.com/a") == "https://example.com/a")
        #expect(url("file:///etc/hosts") == "file:///etc/hosts")
    }

    @Test func pathsBecomeFileURLs() {
        #expect(url("/tmp/page.html") == "file:///tmp/page.html")
        #expect(url("./page.html") == "file:///home/u/page.html")
        #expect(url("page.html", existing: ["page.html"]) == "file:///home/u/page.html")
    }

    @Test func bareHostsGetAScheme() {
        #expect(url("example.com") == "https://example.com/")
        #expect(url("localhost:8080/x") == "http://localhost:8080/x")
        #expect(url("127.0.0.1:4022") == "http://127.0.0.1:4022/")
        #expect(url("   ") == nil)
    }
}
