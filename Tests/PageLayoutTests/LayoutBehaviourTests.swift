import GumboHTML
import PageLayout
import TerminalText
import Testing
import WebAddress

/// What the layout reports besides text: link and field maps, anchors, styles.
struct LayoutBehaviourTests {
    func render(_ html: String, width: Int = 80, numbered: Bool = false) -> RenderedPage {
        PageLayout.render(html: html, parser: GumboParser(), url: AbsoluteURL("https://example.test/dir/page.html"),
                          options: LayoutOptions(width: width, numberLinks: numbered))
    }

    @Test func linksKnowTheirAbsoluteURLAndWhereTheyAreDrawn() {
        let page = render("<p>Go <a href='next.html'>to the next page</a> now.</p>")
        #expect(page.links.count == 1)
        #expect(page.links[0].url == "https://example.test/dir/next.html")
        #expect(page.links[0].positions == [LinePosition(line: 0, start: 3, end: 19)])
        #expect(page.lines[0].text == "Go to the next page now.")
    }

    @Test func aWrappedLinkHasOnePositionPerLine() {
        let page = render("<p>aaaa <a href='/x'>bbbb cccc</a></p>", width: 10)
        #expect(page.lines.map(\.text) == ["aaaa bbbb", "cccc"])
        #expect(page.links[0].positions == [LinePosition(line: 0, start: 5, end: 9), LinePosition(line: 1, start: 0, end: 4)])
    }

    @Test func numberedLinksAreNotPartOfTheLinkPosition() {
        let page = render("<a href='/x'>x</a>", numbered: true)
        #expect(page.lines[0].text == "[1]x")
        #expect(page.links[0].positions == [LinePosition(line: 0, start: 3, end: 4)])
    }

    @Test func linksInsideTableCellsAreMappedToTheirColumns() {
        let page = render("<table border=1><tr><th>h</th></tr><tr><td><a href='/in'>in</a></td></tr></table>")
        let position = page.links[0].positions[0]
        let line = page.lines[position.line]
        let characters = Array(line.text)
        #expect(String(characters[position.start..<position.end]) == "in")
    }

    @Test func baseHrefChangesResolution() {
        let page = render("<base href='https://cdn.example/base/'><a href='x'>x</a>")
        #expect(page.links[0].url == "https://cdn.example/base/x")
    }

    @Test func fieldsAreMappedWithTheirForm() {
        let page = render("<form action='/s' method=POST><input name=q value=v></form><input name=outside>")
        #expect(page.forms == [Form(action: "https://example.test/s", method: "post",
                                    encoding: "application/x-www-form-urlencoded", charset: nil)])
        #expect(page.fields.count == 2)
        #expect(page.fields[0].name == "q")
        #expect(page.fields[0].form == 0)
        #expect(page.fields[0].positions.first?.end == 22)
        #expect(page.fields[1].form == nil)
    }

    @Test func aFormClosedEarlyInsideATableStillOwnsItsControls() {
        let page = render("<table><form action='/t'><tr><td><input name=a></td></tr></form></table>")
        #expect(page.fields.first?.form == 0)
    }

    @Test func selectKnowsItsOptions() {
        let page = render("<select name=s><option value=1>One</option><option selected>Two</option></select>")
        let field = page.fields[0]
        #expect(field.kind == .select)
        #expect(field.options.map(\.label) == ["One", "Two"])
        #expect(field.value == "Two")
        #expect(page.lines[0].text == "[Two ▾]")
    }

    @Test func anchorsPointAtTheirLines() {
        let page = render("<p>one</p><h2 id=two>Two</h2><p>x <a name=three>three</a></p>")
        #expect(page.anchors["two"] == 2)
        #expect(page.anchors["three"] == 4)
    }

    @Test func headingsAndEmphasisCarryAttributes() {
        let page = render("<h2>Head</h2><p>a <b>bold</b> <code>c</code></p>")
        #expect(page.lines[0].attributes(atColumn: 0).headingLevel == 2)
        #expect(page.lines[0].attributes(atColumn: 0).flags.contains(.bold))
        #expect(page.lines[2].attributes(atColumn: 2).flags.contains(.bold))
        #expect(page.lines[2].attributes(atColumn: 0) == .plain)
        #expect(page.lines[2].attributes(atColumn: 7).flags.contains(.code))
    }

    @Test func titleRefreshAndMonetizationAreReported() {
        let page = render("<title> A  title </title><meta http-equiv=refresh content=\"3;URL='/later'\"><link rel=monetization href='https://wallet.example/alice'>")
        #expect(page.title == "A title")
        #expect(page.refresh == Refresh(seconds: 3, url: "https://example.test/later"))
        #expect(page.links.map(\.url) == ["https://example.test/later"])
        #expect(page.monetization == ["https://wallet.example/alice"])
    }

    @Test func plainTextKeepsLinesAndWrapsLongOnes() {
        let page = PageLayout.render(plainText: "a\tb\r\n" + String(repeating: "x", count: 25) + "\n\u{1B}[2J", options: LayoutOptions(width: 10))
        #expect(page.lines.map(\.text) == ["a       b", "xxxxxxxxxx", "xxxxxxxxxx", "xxxxx", "␛[2J"])
    }

    @Test func jsonIsPrettyPrintedWithKeysInOrderAndNumbersExact() {
        let page = PageLayout.render(json: #"{"z":1,"a":[1.50,true,null,{}],"big":123456789012345678901234567890,"s":"x\"y"}"#,
                                     options: LayoutOptions(width: 80))
        #expect(page.lines.map(\.text) == [
            "{", #"  "z": 1,"#, #"  "a": ["#, "    1.50,", "    true,", "    null,", "    {}", "  ],",
            #"  "big": 123456789012345678901234567890,"#, #"  "s": "x\"y""#, "}",
        ])
    }

    @Test func invalidJSONIsShownAsText() {
        let page = PageLayout.render(json: "{not json", options: LayoutOptions(width: 80))
        #expect(page.lines.map(\.text) == ["{not json"])
    }
}
