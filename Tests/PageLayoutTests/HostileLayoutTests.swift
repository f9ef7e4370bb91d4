import GumboHTML
import HTMLDocument
import PageLayout
import TerminalText
import Testing

/// Inputs built to break a layout engine: they must lay out, stay within the width,
/// keep their text, and put no control character on the screen.
struct HostileLayoutTests {
    func render(_ html: String, width: Int = 80) -> RenderedPage {
        PageLayout.render(html: html, parser: GumboParser(), options: LayoutOptions(width: width, numberLinks: true))
    }

    func expectWithinWidth(_ page: RenderedPage, _ width: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        for (index, line) in page.lines.enumerated() {
            #expect(line.width <= width, "line \(index) is \(line.width) cells wide", sourceLocation: sourceLocation)
            #expect(DisplayWidth.of(line.text) == line.width, "line \(index) width is miscounted", sourceLocation: sourceLocation)
        }
    }

    @Test func aOneMegabyteLineWithoutSpacesIsCutAtTheWidth() {
        let word = String(repeating: "abcdefghij", count: 100_000)
        let page = render("<p>\(word)</p>")
        expectWithinWidth(page, 80)
        #expect(page.lines.count == 12_500)
        #expect(page.lines.dropLast().allSatisfy { $0.width == 80 })
        #expect(page.lines.map(\.text).joined() == word, "no character lost or added")
    }

    @Test func aOneMegabyteLineOfWideCharactersKeepsPairsWhole() {
        let word = String(repeating: "語", count: 5_001)
        let page = render("<pre>\(word)</pre>", width: 7)
        expectWithinWidth(page, 7)
        #expect(page.lines.dropLast().allSatisfy { $0.width == 6 }, "a wide character never straddles the edge")
        #expect(page.lines.map(\.text).joined() == word)
    }

    @Test func tenThousandLevelsOfNestingLayOut() {
        let html = String(repeating: "<div><span>", count: 10_000) + "deep" + String(repeating: "</span></div>", count: 10_000)
        let page = render(html)
        #expect(page.lines.map(\.text) == ["deep"])
    }

    @Test func deeplyNestedQuotesAndListsStopIndentingButKeepText() {
        let html = String(repeating: "<blockquote><ul><li>", count: 400) + "deep words here"
        let page = render(html, width: 40)
        expectWithinWidth(page, 40)
        #expect(page.lines.contains { $0.text.contains("deep words here") })
    }

    @Test func thousandsOfTableColumnsFallBackToBlocks() {
        let cells = (0..<5000).map { "<td>c\($0)</td>" }.joined()
        let page = render("<table border=1><tr>\(cells)</tr></table>")
        expectWithinWidth(page, 80)
        #expect(page.lines.filter { $0.text.hasPrefix("c") }.count == 5000)
    }

    @Test func hugeSpansAreClamped() {
        let page = render("<table border=1><tr><td colspan=100000 rowspan=100000>x</td><td>y</td></tr><tr><td>z</td></tr></table>")
        expectWithinWidth(page, 80)
        #expect(page.lines.contains { $0.text.contains("x") })
        #expect(page.lines.contains { $0.text.contains("z") })
    }

    @Test func deeplyNestedTablesLayOut() {
        let html = String(repeating: "<table border=1><tr><td>", count: 40) + "core" + String(repeating: "</td></tr></table>", count: 40)
        let page = render(html)
        expectWithinWidth(page, 80)
        #expect(page.lines.contains { $0.text.contains("core") })
    }

    @Test func noControlCharacterReachesAnyLine() {
        var html = "<title>t\u{1B}]0;x\u{07}</title><p>"
        for value in 0..<0xA0 where value < 0x20 || value >= 0x7F {
            html += "a\(String(Unicode.Scalar(value)!))b "
        }
        html += "\u{202E}rtl</p><pre>\u{1B}[2J\u{9B}1m</pre><input value='\u{1B}[31m'><img alt='\u{1B}P'>"
        html += "<a href='/\u{1B}[2J'>l</a><select><option>\u{1B}o</option></select><textarea>\u{1B}t</textarea>"
        let page = render(html)
        for line in page.lines {
            #expect(line.text.unicodeScalars.allSatisfy(TerminalSafe.isSafe), "unsafe: \(line.text.debugDescription)")
        }
        #expect(page.title.unicodeScalars.allSatisfy(TerminalSafe.isSafe))
        #expect(page.links.allSatisfy { $0.url.unicodeScalars.allSatisfy(TerminalSafe.isSafe) })
        #expect(page.dumpText().unicodeScalars.allSatisfy { $0 == "\n" || TerminalSafe.isSafe($0) })
    }

    @Test func everyWidthFromTwoToTwoHundredKeepsLinesInside() {
        let html = """
        <h1>Title with 日本語</h1><p>Words and <a href=/x>a link</a> 😀 e\u{301}</p>
        <table border=1><tr><th>a</th><th colspan=2>b c</th></tr><tr><td rowspan=2>long cell text</td><td>1</td><td>2</td></tr>
        <tr><td>3</td><td>4</td></tr></table><ul><li>item<ol><li>n</li></ol></li></ul><pre>\tpre\ttabs</pre>
        <blockquote>quote</blockquote><form><input size=30><select><option>choice</option></select>
        <textarea rows=2>Long text</textarea><img alt="a picture"><input type=checkbox><button>Go</button></form>
        <blockquote><dl><dd><textarea>x</textarea> <input> <img alt=alt></dl></blockquote>
        """
        for width in 2...200 {
            let page = render(html, width: width)
            expectWithinWidth(page, width)
        }
    }
}

extension HostileLayoutTests {
    @Test func listItemsTheListDidNotCountNeverOverflow() {
        let items = (1...12).map { "<li>item \($0)</li>" }.joined()
        for width in [10, 20, 80] {
            let page = render("<ol><i>\(items)</i></ol><ol start=99999><b><li>x</li></b></ol>", width: width)
            expectWithinWidth(page, width)
            if width == 80 {
                #expect(page.lines.contains { $0.text.contains("12. item 12") })
            }
        }
    }
}
