import ScreenGrid
import Testing

struct GridTests {
    @Test func textIsDrawnAndClipped() {
        var grid = Grid(width: 10, height: 2)
        let end = grid.put("hello world", x: 2, y: 0)
        #expect(end == 10)
        #expect(grid.textRows == ["  hello wo", ""])
        grid.put("abc", x: 0, y: 1, clip: Rect(x: 0, y: 1, width: 2, height: 1))
        #expect(grid.textRows[1] == "ab")
    }

    @Test func wideCharactersTakeTwoCellsAndNeverStraddleTheEdge() {
        var grid = Grid(width: 5, height: 1)
        grid.put("日本語", x: 0, y: 0)
        #expect(grid.textRows == ["日本"])
        #expect(grid[0, 0].width == 2)
        #expect(grid[1, 0].isContinuation)
        #expect(grid[4, 0].text == " ", "the third character would straddle the edge")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var grid = Grid(width: 6, height: 1)
        grid.put("日本語", x: 0, y: 0)
        grid.put("x", x: 1, y: 0)
        #expect(grid.textRows == [" x本語"])
        grid.put("y", x: 4, y: 0)
        #expect(grid.textRows == [" x本y"])
        #expect(!grid[5, 0].isContinuation)
    }

    @Test func combiningMarksJoinTheirBaseCell() {
        var grid = Grid(width: 4, height: 1)
        grid.put("e\u{301}x", x: 0, y: 0)
        #expect(grid[0, 0].text == "e\u{301}")
        #expect(grid[1, 0].text == "x")
    }

    @Test func controlCharactersNeverReachTheGrid() {
        var grid = Grid(width: 20, height: 1)
        grid.put("a\u{1B}[2J\u{9B}b\u{202E}c", x: 0, y: 0)
        #expect(grid.textRows == ["a␛[2J\u{FFFD}bc"])
    }

    @Test func fillAndRestyleCoverTheirRectangle() {
        var grid = Grid(width: 4, height: 3)
        let reverse = Style(attributes: .reverse)
        grid.fill(Rect(x: 1, y: 1, width: 10, height: 1), style: reverse, character: "#")
        #expect(grid.textRows == ["", " ###", ""])
        #expect(grid[0, 1].style == .plain)
        #expect(grid[3, 1].style == reverse)
        grid.restyle(Rect(x: 0, y: 0, width: 1, height: 3)) { $0.merged(with: Style(attributes: .bold)) }
        #expect(grid[0, 2].style.attributes == .bold)
    }

    @Test func changesReproduceTheNewGrid() {
        var old = Grid(width: 12, height: 3)
        old.put("hello 日本", x: 0, y: 0)
        old.put("second", x: 0, y: 1)
        var new = old
        new.put("help", x: 0, y: 0)
        new.put("語", x: 7, y: 0)
        new.put("x", x: 11, y: 2)
        let changes = new.changes(since: old)
        #expect(changes.count == 3)
        #expect(changes.allSatisfy { $0.cells.first?.isContinuation == false })
        var painted = old
        painted.apply(changes)
        #expect(painted == new)
        #expect(new.changes(since: new).isEmpty)
    }

    @Test func aResizedGridRepaintsEverything() {
        let old = Grid(width: 3, height: 2)
        let new = Grid(width: 4, height: 2)
        #expect(new.changes(since: old).count == 2)
        #expect(new.changes(since: nil).count == 2)
    }

    @Test func rectangleArithmetic() {
        let screen = Rect(x: 0, y: 0, width: 80, height: 24)
        let (top, rest) = screen.splitTop(1)
        #expect(top == Rect(x: 0, y: 0, width: 80, height: 1))
        let (page, bottom) = rest.splitBottom(1)
        #expect(page == Rect(x: 0, y: 1, width: 80, height: 22))
        #expect(bottom == Rect(x: 0, y: 23, width: 80, height: 1))
        #expect(screen.centered(width: 40, height: 10) == Rect(x: 20, y: 7, width: 40, height: 10))
        #expect(screen.intersection(Rect(x: 70, y: 20, width: 20, height: 20)) == Rect(x: 70, y: 20, width: 10, height: 4))
        #expect(Rect(x: 0, y: 0, width: 2, height: 2).inset(by: 3).isEmpty)
    }
}
