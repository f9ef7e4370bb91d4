import Foundation
import PseudoTerminal
import TestSupport
import Testing

/// Recorded scenarios of browsing: the real binary, a real pseudo-terminal, the screen a
/// person would see. Each session is saved as an asciicast (see the README).
@Suite(.serialized)
struct BrowsingScenarioTests {
    @Test func startPageHelpAndQuitRestoreTheTerminal() throws {
        let penny = try PennySession.start([])
        try penny.waitFor("A terminal web browser that understands HTTP 402")
        try penny.expectScreen("start-page")
        #expect(penny.terminal.isAlternateScreen)
        penny.terminal.send(text: "G")
        try penny.waitFor("No wallet yet")
        penny.terminal.press(.function(1))
        try penny.waitFor("Penny keys")
        try penny.expectScreen("help")
        #expect(penny.screen.contains("search forward"))
        penny.terminal.send(text: "x")
        try penny.terminal.waitUntil("help closed") { !$0.screenText.contains("Penny keys") }
        penny.terminal.send(text: "q")
        #expect(try penny.terminal.waitForExit() == 0)
        #expect(!penny.terminal.isAlternateScreen)
        #expect(penny.terminal.cursor.isVisible)
    }

    @Test func aFreeArticleByTabAndEnterThenScrollSearchBackAndForward() throws {
        var penny = try PennySession.demo()
        // The free articles are listed last on the front page: follow one by its link.
        penny.open("articles/streaming-cents")
        try penny.waitFor("Streaming")
        try penny.expectScreen("free-article")
        let firstRow = penny.terminal.screenRows[2]
        penny.terminal.send(text: "jjj")
        try penny.terminal.waitUntil("scrolled") { $0.screenRows[2] != firstRow }
        penny.terminal.send(text: "/")
        penny.terminal.send(text: "cent")
        penny.terminal.press(.enter)
        try penny.terminal.waitUntil("a match") { $0.screenRows.last?.hasPrefix("Match 1 of") == true }
        try penny.expectScreen("free-article-search")
        penny.terminal.send(text: "H")
        try penny.waitFor("a small magazine about paying for the web")
        penny.terminal.send(text: "L")
        try penny.terminal.waitUntil("forward again") { $0.screenRows[0].contains("streaming-cents") }
        // Tab focuses the first link on screen (the page is scrolled to a match): "Back to the front page".
        penny.terminal.press(.tab)
        try penny.terminal.waitUntil("a link focused") { $0.screenRows.last?.hasPrefix("[") == true }
        penny.terminal.press(.enter)
        try penny.waitFor("Each article")
        try penny.quit()
        penny.baseURL = ""
    }

    @Test func linkHintsAndNumberedLinks() throws {
        let penny = try PennySession.demo()
        penny.terminal.send(text: "f")
        try penny.terminal.waitUntil("hints shown") { $0.screenRows.last?.contains("Type a link's label") == true }
        try penny.expectScreen("link-hints")
        // The first label ("a") is the site's name in the navigation bar: the front page again.
        penny.terminal.send(text: "s")
        try penny.terminal.waitUntil("the about page") { $0.screenRows[0].contains("/about") }
        penny.terminal.send(text: "3")
        penny.terminal.press(.enter)
        try penny.terminal.waitUntil("the earnings page") { $0.screenRows[0].contains("/earnings") }
        try penny.quit()
    }

    @Test func resizeRelaysThePageAndThemesCycle() throws {
        let penny = try PennySession.demo(width: 100)
        penny.terminal.resize(width: 60, height: 20)
        try penny.terminal.waitUntil("laid out at 60") { session in
            session.screenRows.count == 20 && session.screenRows.allSatisfy { $0.count <= 60 }
        }
        try penny.expectScreen("front-page-60x20")
        penny.terminal.send(text: "t")
        try penny.terminal.waitUntil("theme switched") { $0.screenRows.last?.hasPrefix("Theme: ") == true }
        #expect(penny.screen.contains("The Penny Post"))
        try penny.quit()
    }

    @Test func formsSubmitWithGetAndPost() throws {
        let server = try LoopbackHTTPServer { request in
            switch (request.method, request.path) {
            case ("GET", "/"):
                return .html("""
                <form action=/search><input name=q value=cats><input type=submit value=Search></form>
                <form action=/post method=post><input name=note value=hello><input type=checkbox name=c value=on><input type=submit value=Send></form>
                """)
            case ("GET", let path) where path.hasPrefix("/search?"):
                return .html("<p>Searched: \(path)</p>")
            case ("POST", "/post"):
                return .html("<p>Posted: \(request.bodyText)</p>")
            default:
                return .notFound
            }
        }
        let penny = try PennySession.start([server.url("/")])
        try penny.waitFor("[ Search ]")
        penny.terminal.press(.tab)
        penny.terminal.press(.enter)
        penny.terminal.press(.control("u"))
        penny.terminal.send(text: "dogs")
        penny.terminal.press(.enter)
        try penny.waitFor("Searched: /search?q=dogs")
        try penny.expectScreen("form-get-result")
        penny.terminal.send(text: "H")
        try penny.waitFor("[ Send ]")
        penny.terminal.press(.tab, count: 3)  // back restores the focus on the search field
        penny.terminal.press(.enter)  // the checkbox
        penny.terminal.press(.tab)
        penny.terminal.press(.enter)  // Send
        try penny.waitFor("Posted: note=hello&c=on")
        try penny.expectScreen("form-post-result")
        penny.terminal.send(text: "r")
        try penny.waitFor("Send the form again?")
        try penny.expectScreen("form-resend-question")
        penny.terminal.send(text: "n")
        try penny.quit()
    }
}

extension BrowsingScenarioTests {
    @Test func recordWritesAnAsciicastOfOutputAndKeys() throws {
        let cast = FileManager.default.temporaryDirectory.appendingPathComponent("penny-\(UUID().uuidString).cast").path
        defer { try? FileManager.default.removeItem(atPath: cast) }
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/sample.html").path
        let penny = try PennySession.start(["--record", cast, "--record-input", sample], width: 80, height: 24)
        try penny.waitFor("Penny renders the web as text")
        penny.terminal.send(text: "j")
        penny.terminal.send(text: "q")
        #expect(try penny.terminal.waitForExit() == 0)
        #expect(!penny.terminal.isAlternateScreen)
        let lines = try String(contentsOfFile: cast, encoding: .utf8).split(separator: "\n")
        let header = try #require(lines.first)
        #expect(header.hasPrefix(#"{"version": 2, "width": 80, "height": 24, "timestamp": "#))
        for line in lines {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "not JSON: \(line)")
        }
        let output = lines.filter { $0.contains(#", "o", "#) }.joined()
        #expect(output.contains("renders") && output.contains("\\u001b[?1049h"), "the screen and its escape sequences are recorded")
        // Keys typed quickly may arrive in one read: check the keys in order across input events.
        let typed = lines.filter { $0.contains(#", "i", ""#) }.map { line -> String in
            let data = line.split(separator: #", "i", ""#, maxSplits: 1).last ?? ""
            return String(data.dropLast(2))
        }.joined()
        #expect(typed == "jq", "input events: \(typed)")
    }
}

extension PseudoTerminalSession {
    func press(_ key: KeyName, count: Int) {
        for _ in 0..<count { press(key) }
    }
}
