import BrowserCore
import Foundation
import ScreenGrid
import Testing
import Themes

/// The browser's screens rendered into a grid and compared with text snapshots in
/// `Snapshots/`. Re-record with `PENNY_RECORD_SNAPSHOTS=1 swift test`, then review the diff.
struct ViewSnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    func expectSnapshot(_ grid: Grid, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let actual = grid.textRows.joined(separator: "\n") + "\n"
        let file = ViewSnapshotTests.folder.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["PENNY_RECORD_SNAPSHOTS"] == "1" {
            try Data(actual.utf8).write(to: file)
            Issue.record("recorded \(name).txt; review it and run again without PENNY_RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
            return
        }
        let expected = (try? String(contentsOf: file, encoding: .utf8)) ?? "<no snapshot \(name).txt>"
        #expect(actual == expected, "screen \(name) differs:\n\(actual)", sourceLocation: sourceLocation)
    }

    static let page = """
    <title>Snapshot page</title><h1>Hello</h1><p>Read <a href='/a'>the first link</a> or
    <a href='/b'>the second</a>.</p><ul><li>one</li><li>two 日本語</li></ul>
    <form action=/f><input name=q value=x size=8> <input name=r size=4> <input type=checkbox name=c> <select name=s><option>Apple<option>Banana</select></form>
    """ + String(repeating: "<p>filler line</p>", count: 20)

    func started(width: Int = 60, height: Int = 16) -> FakeRuntime {
        var runtime = FakeRuntime(width: width, height: height, pages: ["https://snap.test/": ViewSnapshotTests.page])
        runtime.send(.start(url: "https://snap.test/"))
        return runtime
    }

    func render(_ runtime: FakeRuntime) -> Grid {
        BrowserView.render(runtime.state, theme: .default)
    }

    @Test func aPageWithTopBarAndStatusLine() throws {
        try expectSnapshot(render(started()), "page")
    }

    @Test func theFocusedLinkIsHighlightedAndItsURLShown() throws {
        var runtime = started()
        runtime.press(.tab)
        let grid = render(runtime)
        try expectSnapshot(grid, "focused-link")
        let row = grid.textRows.firstIndex { $0.contains("the first link") }!
        let column = grid.textRows[row].distance(from: grid.textRows[row].startIndex,
                                                 to: grid.textRows[row].range(of: "the first link")!.lowerBound)
        #expect(grid[column, row].style == Theme.default.style(for: .init(link: 0), visited: false, focused: true))
        #expect(grid[column, row].style != grid[0, row].style)
    }

    @Test func searchMatchesAreHighlighted() throws {
        var runtime = started()
        runtime.press(.character("/"))
        runtime.type("filler")
        runtime.press(.enter)
        let grid = render(runtime)
        try expectSnapshot(grid, "search")
        let row = grid.textRows.firstIndex { $0.hasPrefix("filler") }!
        #expect(grid[0, row].style != grid[7, row].style, "the match is styled, the rest of the line is not")
    }

    @Test func theURLPromptShowsTheCursor() throws {
        var runtime = started()
        runtime.press(.character("o"))
        let grid = render(runtime)
        try expectSnapshot(grid, "open-prompt")
        #expect(grid.cursor?.y == 15)
        #expect(grid.cursor?.x == 6 + "https://snap.test/".count)
    }

    @Test func editedFieldsAndTheOptionList() throws {
        var runtime = started()
        runtime.press(.tab, .tab, .tab)  // the text field
        runtime.press(.enter)
        runtime.type("yz")
        runtime.press(.escape)  // cancelled: no change
        runtime.press(.enter, .control("u"))
        runtime.type("typed")
        runtime.press(.enter)
        runtime.press(.tab, .tab, .enter)  // checkbox
        runtime.press(.tab, .enter)  // select
        try expectSnapshot(render(runtime), "fields-and-list")
    }

    @Test func linkHintsCoverTheLinks() throws {
        var runtime = started()
        runtime.press(.character("f"))
        try expectSnapshot(render(runtime), "hints")
    }

    @Test func helpOverlay() throws {
        var runtime = started(width: 80, height: 24)
        runtime.press(.function(1))
        try expectSnapshot(render(runtime), "help")
    }

    @Test func loadingShowsProgress() throws {
        var runtime = started()
        runtime.answerFetches = false
        runtime.press(.tab, .enter)
        let id = runtime.pending[0].id
        runtime.send(.progress(id: id, received: 30_000, expected: 100_000))
        try expectSnapshot(render(runtime), "loading")
    }

    @Test func aTinyTerminalSaysSo() throws {
        var runtime = started()
        runtime.send(.input(.resize(width: 10, height: 2)))
        #expect(render(runtime).textRows[0] == "Penny need")
    }
}
