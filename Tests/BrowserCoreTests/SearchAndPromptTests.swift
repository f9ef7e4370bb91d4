import BrowserCore
import ScreenGrid
import Testing

struct SearchAndPromptTests {
    func started(_ html: String, height: Int = 24) -> FakeRuntime {
        var runtime = FakeRuntime(width: 80, height: height, pages: ["https://s.test/": html])
        runtime.send(.start(url: "https://s.test/"))
        return runtime
    }

    @Test func searchFindsEveryMatchIgnoringCaseAndNCycles() {
        var runtime = started("<p>apple</p><p>Banana apple</p><p>APPLE pie</p>")
        runtime.press(.character("/"))
        runtime.type("apple")
        runtime.press(.enter)
        let search = runtime.state.search
        #expect(search?.matches.map(\.line) == [0, 2, 4])
        #expect(search?.matches[1].start == 7)
        #expect(search?.current == 0)
        runtime.press(.character("n"))
        #expect(runtime.state.search?.current == 1)
        runtime.press(.character("N"))
        #expect(runtime.state.search?.current == 0)
        runtime.press(.character("N"))
        #expect(runtime.state.search?.current == 2, "wraps to the bottom")
    }

    @Test func searchScrollsToAMatchOffScreen() {
        var runtime = started(String(repeating: "<p>x</p>", count: 50) + "<p>needle</p>", height: 10)
        runtime.press(.character("/"))
        runtime.type("needle")
        runtime.press(.enter)
        let line = runtime.state.search!.matches[0].line
        let scroll = runtime.state.current!.scroll
        #expect(line >= scroll && line < scroll + runtime.state.pageHeight)
    }

    @Test func aSearchWithNoMatchSaysSo() {
        var runtime = started("<p>text</p>")
        runtime.press(.character("/"))
        runtime.type("zzz")
        runtime.press(.enter)
        #expect(runtime.state.status?.text == "Not found: zzz")
    }

    @Test func wideCharacterMatchesAreMeasuredInCells() {
        var runtime = started("<p>日本語のテキスト</p>")
        runtime.press(.character("/"))
        runtime.type("テキスト")
        runtime.press(.enter)
        #expect(runtime.state.search?.matches.first?.start == 8)
        #expect(runtime.state.search?.matches.first?.end == 16)
    }

    @Test func theURLPromptEditsLikeReadline() {
        var runtime = started("<p>x</p>")
        runtime.press(.character("o"))
        guard case .prompt(let prompt) = runtime.state.mode else {
            Issue.record("no prompt")
            return
        }
        #expect(prompt.editor.string == "https://s.test/")
        runtime.press(.control("w"))
        runtime.press(.control("u"))
        runtime.type("abc def")
        runtime.press(.control("w"))
        runtime.press(.control("a"))
        runtime.type("X")
        runtime.press(.control("e"))
        runtime.type("Y")
        runtime.press(.left, .backspace)
        if case .prompt(let edited) = runtime.state.mode {
            #expect(edited.editor.string == "XabcY")
            #expect(edited.editor.cursor == 4)
        } else {
            Issue.record("prompt closed")
        }
        runtime.press(.escape)
        #expect(runtime.state.mode == .browsing)
    }

    @Test func typedURLsComeBackWithUp() {
        var runtime = started("<p>x</p>")
        runtime.press(.character("o"), .control("u"))
        runtime.type("first.test")
        runtime.press(.enter)
        runtime.press(.character("o"), .control("u"), .up)
        if case .prompt(let prompt) = runtime.state.mode {
            #expect(prompt.editor.string == "first.test")
        } else {
            Issue.record("no prompt")
        }
    }

    @Test func linkHintsLabelVisibleLinksAndTypingALabelFollowsIt() {
        var runtime = FakeRuntime(pages: [
            "https://s.test/": "<a href='/1'>one</a> <a href='/2'>two</a> <a href='/3'>three</a>",
            "https://s.test/2": "<title>Two</title>",
        ])
        runtime.send(.start(url: "https://s.test/"))
        runtime.press(.character("f"))
        #expect(runtime.state.mode == .hints(typed: ""))
        runtime.type("s")
        #expect(runtime.state.current?.title == "Two")
    }

    @Test func hintLabelsGrowWithTheNumberOfLinks() {
        #expect(Browser.hintLabels(count: 3) == ["a", "s", "d"])
        let many = Browser.hintLabels(count: 30)
        #expect(many.allSatisfy { $0.count == 2 })
        #expect(Set(many).count == 30)
    }

    @Test func helpListsEveryBoundAction() {
        var runtime = started("<p>x</p>")
        runtime.press(.function(1))
        guard case .overlay(let overlay) = runtime.state.mode else {
            Issue.record("no help")
            return
        }
        let text = overlay.lines.map(\.text).joined(separator: "\n")
        #expect(text.contains("search forward"))
        #expect(text.contains("Tab"))
        runtime.press(.character("x"))
        #expect(runtime.state.mode == .browsing)
    }

    @Test func pageInfoListsStatusAndHeaders() {
        var runtime = started("<p>x</p>")
        runtime.press(.character("="))
        guard case .overlay(let overlay) = runtime.state.mode else {
            Issue.record("no page info")
            return
        }
        let text = overlay.lines.map(\.text).joined(separator: "\n")
        #expect(text.contains("Status:   HTTP/1.1 200 OK"))
        #expect(text.contains("Content-Type: text/html; charset=utf-8"))
    }
}

struct PageDetailsTests {
    @Test func webMonetizationIsMarkedOnTheStatusLineAndListedInPageInfo() {
        var runtime = FakeRuntime(width: 80, height: 10, pages: [
            "https://wm.test/": "<link rel=monetization href='https://wallet.example/alice'><p>Text</p>",
        ])
        runtime.send(.start(url: "https://wm.test/"))
        let rows = BrowserView.render(runtime.state, theme: .default).textRows
        #expect(rows.last?.hasPrefix("◆ Web Monetization: https://wallet.example/alice") == true)
        runtime.press(.character("="))
        guard case .overlay(let overlay) = runtime.state.mode else {
            Issue.record("no page info")
            return
        }
        #expect(overlay.lines.contains { $0.text.contains("Web Monetization wallet: https://wallet.example/alice") })
    }
}

struct BookmarkListTests {
    @Test func bookmarksRoundTripThroughTheNetscapeFormat() {
        var list = BookmarkList()
        list.add(.init(title: "Penny & <friends>", url: "https://a.test/?x=1&y=\"2\"", added: 1_700_000_000))
        list.add(.init(title: "Second", url: "https://b.test/", added: 1_700_000_100))
        list.add(.init(title: "First again", url: "https://a.test/?x=1&y=\"2\"", added: 1_700_000_200))
        let text = list.fileText
        #expect(text.hasPrefix("<!DOCTYPE NETSCAPE-Bookmark-file-1>"))
        #expect(text.contains(#"<DT><A HREF="https://a.test/?x=1&amp;y=&quot;2&quot;" ADD_DATE="1700000200">First again</A>"#))
        let parsed = BookmarkList(parsing: text)
        #expect(parsed.bookmarks.map(\.url) == ["https://b.test/", "https://a.test/?x=1&y=\"2\""])
        #expect(parsed.bookmarks.map(\.title) == ["Second", "First again"])
        #expect(parsed == BookmarkList(parsing: parsed.fileText))
    }

    @Test func aForeignBookmarkFileIsRead() {
        let firefox = """
        <!DOCTYPE NETSCAPE-Bookmark-file-1>
        <DL><p><DT><H3>Folder</H3><DL><p>
        <DT><A HREF="https://x.test/" ADD_DATE="1" ICON="data:...">X \u{1B}[2J site</A>
        </DL><p></DL>
        """
        let parsed = BookmarkList(parsing: firefox)
        #expect(parsed.bookmarks.count == 1)
        #expect(parsed.bookmarks[0].title == "X ␛[2J site", "titles are made terminal-safe")
    }
}
