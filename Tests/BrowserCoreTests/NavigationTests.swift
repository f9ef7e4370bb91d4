import BrowserCore
import ScreenGrid
import Testing

/// The reducer's navigation: loading, links, history, reload, cancel.
struct NavigationTests {
    static let home = "https://site.test/"
    static let pages = [
        home: "<title>Home</title><p>Welcome. <a href='/a'>Page A</a> and <a href='/b'>Page B</a>.</p>" +
            String(repeating: "<p>filler</p>", count: 40),
        "https://site.test/a": "<title>A</title><p>This is A. <a href='/b'>to B</a></p>",
        "https://site.test/b": "<title>B</title><p>This is B.</p><h2 id=end>End</h2>" + String(repeating: "<p>more</p>", count: 10),
    ]

    func started() -> FakeRuntime {
        var runtime = FakeRuntime(pages: NavigationTests.pages)
        runtime.send(.start(url: NavigationTests.home))
        return runtime
    }

    @Test func startLoadsTheGivenURL() {
        let runtime = started()
        #expect(runtime.fetchedURLs == [NavigationTests.home])
        #expect(runtime.state.current?.title == "Home")
        #expect(runtime.state.loading == nil)
    }

    @Test func tabFocusesLinksInOrderAndEnterFollows() {
        var runtime = started()
        runtime.press(.tab)
        #expect(runtime.state.current?.focus == 0)
        runtime.press(.tab)
        #expect(runtime.state.current?.focus == 1)
        runtime.press(.backTab)
        #expect(runtime.state.current?.focus == 0)
        runtime.press(.enter)
        #expect(runtime.state.current?.title == "A")
        #expect(runtime.state.history.entries.count == 2)
    }

    @Test func aLinkNumberThenEnterFollowsThatLink() {
        var runtime = started()
        runtime.type("2")
        runtime.press(.enter)
        #expect(runtime.state.current?.title == "B")
        runtime.type("9")
        runtime.press(.enter)
        #expect(runtime.state.status?.kind == .error)
        #expect(runtime.state.current?.title == "B")
    }

    @Test func backAndForwardShowCachedPagesWithoutFetchingAndRestoreScroll() {
        var runtime = started()
        runtime.press(.character("j"), .character("j"), .character("j"))
        #expect(runtime.state.current?.scroll == 3)
        runtime.type("1")
        runtime.press(.enter)
        let fetches = runtime.fetchedURLs.count
        runtime.press(.character("H"))
        #expect(runtime.state.current?.title == "Home")
        #expect(runtime.state.current?.scroll == 3)
        runtime.press(.character("L"))
        #expect(runtime.state.current?.title == "A")
        #expect(runtime.fetchedURLs.count == fetches, "history shows cached pages")
        runtime.press(.character("L"))
        #expect(runtime.state.status?.text == "Already at the last page.")
    }

    @Test func followingALinkAfterGoingBackDropsTheForwardHistory() {
        var runtime = started()
        runtime.type("1")
        runtime.press(.enter)
        runtime.press(.left)
        runtime.type("2")
        runtime.press(.enter)
        #expect(runtime.state.history.entries.map(\.title) == ["Home", "B"])
        #expect(!runtime.state.history.canGoForward)
    }

    @Test func reloadFetchesAgainAndKeepsTheEntry() {
        var runtime = started()
        runtime.press(.character("r"))
        #expect(runtime.fetchedURLs == [NavigationTests.home, NavigationTests.home])
        #expect(runtime.state.history.entries.count == 1)
    }

    @Test func escapeCancelsALoadAndKeepsThePageOnScreen() {
        var runtime = started()
        runtime.answerFetches = false
        runtime.type("1")
        runtime.press(.enter)
        #expect(runtime.state.loading != nil)
        runtime.press(.escape)
        #expect(runtime.state.loading == nil)
        #expect(runtime.effects.contains { if case .cancel = $0 { return true } else { return false } })
        runtime.answerPending()
        #expect(runtime.state.current?.title == "Home")
        #expect(runtime.state.status?.text == "Stopped loading.")
    }

    @Test func aLateAnswerForAnAbandonedLoadIsIgnored() {
        var runtime = started()
        runtime.answerFetches = false
        runtime.type("1")
        runtime.press(.enter)
        let first = runtime.pending
        runtime.type("2")
        runtime.press(.enter)
        // The first load was cancelled when the second started; answering it anyway changes nothing.
        runtime.pending = first + runtime.pending
        runtime.answerPending()
        #expect(runtime.state.current?.title == "B")
        #expect(runtime.state.history.entries.count == 2)
    }

    @Test func aFailedLoadSaysWhyAndKeepsThePage() {
        var runtime = started()
        runtime.press(.character("o"), .control("u"))
        runtime.type("https://nowhere.test/")
        runtime.press(.enter)
        #expect(runtime.state.current?.title == "Home")
        #expect(runtime.state.status?.kind == .error)
        #expect(runtime.state.typedURLs == ["https://nowhere.test/"])
    }

    @Test func aFragmentLinkScrollsToTheAnchor() {
        var runtime = FakeRuntime(width: 80, height: 5, pages: NavigationTests.pages)
        runtime.send(.start(url: "https://site.test/b#end"))
        #expect(runtime.state.current?.scroll == 2)
    }

    @Test func scrollingIsClampedToThePage() {
        var runtime = started()
        runtime.press(.character("G"))
        let bottom = runtime.state.current!.scroll
        #expect(bottom == runtime.state.current!.page!.lines.count - runtime.state.pageHeight)
        runtime.press(.character("j"))
        #expect(runtime.state.current?.scroll == bottom)
        runtime.press(.character("g"))
        runtime.press(.character("k"))
        #expect(runtime.state.current?.scroll == 0)
        runtime.press(.pageDown)
        #expect(runtime.state.current?.scroll == runtime.state.pageHeight - 2)
    }

    @Test func resizeLaysThePageOutAgainAndKeepsThePlace() {
        // Every word is unique, so the word at the top of the screen identifies the place.
        let paragraphs = (1...40).map { p in "<p>" + (1...12).map { "p\(p)w\($0)" }.joined(separator: " ") + "</p>" }
        var runtime = FakeRuntime(width: 80, height: 10, pages: ["https://long.test/": paragraphs.joined()])
        runtime.send(.start(url: "https://long.test/"))
        for _ in 0..<37 { runtime.press(.character("j")) }
        let page = runtime.state.current!.page!
        let topWord = page.lines[runtime.state.current!.scroll...].first { !$0.text.isEmpty }!.text.split(separator: " ")[0]
        runtime.send(.input(.resize(width: 30, height: 10)))
        #expect(runtime.state.current?.layoutWidth == 30)
        let newPage = runtime.state.current!.page!
        let newTop = newPage.lines[runtime.state.current!.scroll...].first { !$0.text.isEmpty }!.text
        #expect(newTop.split(separator: " ").contains(topWord), "\(topWord) should stay on the top line, not \(newTop)")
    }

    @Test func quitAsksTheRuntimeToStop() {
        var runtime = started()
        runtime.press(.character("q"))
        #expect(runtime.state.quitting)
        #expect(runtime.effects.last == .quit)
    }

    @Test func endOfInputQuitsInsteadOfSpinning() {
        var runtime = started()
        runtime.send(.input(.endOfInput))
        #expect(runtime.state.quitting)
    }

    @Test func bookmarksAreAddedThroughAnEffect() {
        var runtime = started()
        runtime.press(.character("a"))
        #expect(runtime.bookmarks == [NavigationTests.home])
        #expect(runtime.state.status?.text == "Bookmarked.")
    }
}

struct MouseTests {
    @Test func aClickOnALinkFollowsItAndTheWheelScrolls() {
        var runtime = FakeRuntime(width: 80, height: 10, pages: NavigationTests.pages)
        runtime.send(.start(url: NavigationTests.home))
        runtime.send(.input(.mouse(.wheelDown(x: 0, y: 3))))
        #expect(runtime.state.current?.scroll == 3)
        runtime.send(.input(.mouse(.wheelUp(x: 0, y: 3))))
        #expect(runtime.state.current?.scroll == 0)
        // "Welcome. Page A and Page B." is the first page line (screen row 1); "Page A" starts at column 9.
        runtime.send(.input(.mouse(.press(x: 5, y: 1))))
        #expect(runtime.state.current?.title == "Home", "a click on plain text does nothing")
        runtime.send(.input(.mouse(.press(x: 10, y: 1))))
        #expect(runtime.state.current?.title == "A")
    }

    @Test func aClickOnAFieldActivatesIt() {
        var runtime = FakeRuntime(pages: ["https://m.test/": "<form><input type=checkbox name=c></form>"])
        runtime.send(.start(url: "https://m.test/"))
        runtime.send(.input(.mouse(.press(x: 1, y: 1))))
        #expect(runtime.state.current?.value(of: 0) == .checked(true))
    }
}
