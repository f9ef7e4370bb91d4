import GumboHTML
import HTMLDocument
import Testing

/// What `GumboParser` makes of particular inputs, checked through the html5lib tree dump.
@Suite struct GumboParserTests {
    private func dump(_ html: String) -> String { treeDump(GumboParser().parse(html)) }
    private func dump(_ bytes: [UInt8]) -> String { treeDump(GumboParser.parse(bytes)) }

    @Test func emptyInputGivesHtmlHeadAndBody() {
        #expect(dump([]) == """
        | <html>
        |   <head>
        |   <body>
        """)
    }

    @Test func elementsAttributesAndTextKeepTheirOrder() {
        #expect(dump("<title>T</title><p id=x class=y>one<b>two</b><!-- c -->") == """
        | <html>
        |   <head>
        |     <title>
        |       "T"
        |   <body>
        |     <p>
        |       class="y"
        |       id="x"
        |       "one"
        |       <b>
        |         "two"
        |       <!--  c  -->
        """)
    }

    @Test func knownTagsAreMappedToTheTagEnum() throws {
        let document = GumboParser().parse("<div><a href=/x>link</a><my-widget></my-widget></div>")
        let link = try #require(document.firstElement(.a))
        #expect(document.attribute("href", of: link) == "/x")
        let widget = document[link].nextSibling
        #expect(document[widget].tag == .unknown)
        #expect(document.name(of: widget) == "my-widget")
    }

    @Test func unknownElementNamesAreLowerCased() {
        #expect(dump("<My-Widget Data-X=1>") == """
        | <html>
        |   <head>
        |   <body>
        |     <my-widget>
        |       data-x="1"
        """)
    }

    @Test func foreignElementsKeepNamespaceAndAdjustedCase() {
        #expect(dump("<svg viewbox='0 0 1 1'><foreignobject/><clippath/><a xlink:href='#z'/></svg><math definitionurl=u><mi/></math>") == """
        | <html>
        |   <head>
        |   <body>
        |     <svg svg>
        |       viewBox="0 0 1 1"
        |       <svg foreignObject>
        |       <svg clipPath>
        |       <svg a>
        |         xlink href="#z"
        |     <math math>
        |       definitionURL="u"
        |       <math mi>
        """)
    }

    @Test func foreignRootsGetTheirOwnTags() throws {
        let document = GumboParser().parse("<svg></svg><math></math>")
        let body = try #require(document.firstElement(.body))
        let kinds = document.children(of: body).map { (document[$0].namespace, document[$0].tag) }
        #expect(kinds.map(\.0) == [.svg, .mathml])
        #expect(kinds.map(\.1) == [.svg, .math])
    }

    @Test func doctypeIdentifiersAreNilWhenAbsent() throws {
        let plain = GumboParser().parse("<!DOCTYPE html>")
        let doctype = plain[Document.root].firstChild
        #expect(plain.text(of: doctype) == "html")
        #expect(plain.doctypeIdentifiers(of: doctype) == DoctypeIdentifiers(publicIdentifier: nil, systemIdentifier: nil))

        let legacy = GumboParser().parse(#"<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd">"#)
        #expect(legacy.doctypeIdentifiers(of: legacy[Document.root].firstChild) == DoctypeIdentifiers(
            publicIdentifier: "-//W3C//DTD HTML 4.01//EN", systemIdentifier: "http://www.w3.org/TR/html4/strict.dtd"))
    }

    @Test func doctypeSitsAfterTheCommentsThatPrecedeIt() {
        #expect(dump("<!--a--> <!--b--><!DOCTYPE html><!--c--><p>") == """
        | <!-- a -->
        | <!-- b -->
        | <!DOCTYPE html>
        | <!-- c -->
        | <html>
        |   <head>
        |   <body>
        |     <p>
        """)
    }

    @Test func templateChildrenGoIntoContent() throws {
        #expect(dump("<template><p>x</p></template><template></template>") == """
        | <html>
        |   <head>
        |     <template>
        |       content
        |         <p>
        |           "x"
        |     <template>
        |       content
        |   <body>
        """)
        let document = GumboParser().parse("<template>x</template>")
        let template = try #require(document.firstElement(.template))
        let content = document[template].firstChild
        #expect(document[content].kind == .templateContent)
        #expect(document[content].nextSibling == Node.none)
        #expect(document.textContent(of: content) == "x")
    }

    @Test func textAndCDATAAreAppendedAsMergedText() throws {
        let document = GumboParser().parse("<p>a &amp; b\n <svg><![CDATA[<raw>]]></svg>")
        let paragraph = try #require(document.firstElement(.p))
        let children = Array(document.children(of: paragraph))
        #expect(children.count == 2)
        #expect(document.text(of: children[0]) == "a & b\n ")
        #expect(document.textContent(of: children[1]) == "<raw>")
    }

    @Test func hostileNestingIsCappedWithoutCrashing() throws {
        let depth = 10_000
        let html = String(repeating: "<div>", count: depth) + "innermost" + String(repeating: "</div>", count: depth)
        let document = GumboParser().parse(html)
        var deepest = 0
        var divs = 0
        for id in 0..<NodeID(document.nodeCount) {
            deepest = max(deepest, document.depth(of: id))
            if document[id].tag == .div { divs += 1 }
        }
        #expect(deepest <= DocumentBuilder.maximumDepth + 1)
        // html and body take two levels; divs fill the rest up to the cap.
        #expect(divs == DocumentBuilder.maximumDepth - 2)
        #expect(document.textContent(of: Document.root) == "innermost")
    }

    @Test func nulBytesAreParsedPastNotTreatedAsTheEnd() throws {
        let document = GumboParser.parse(Array("<p>a\0b</p><textarea>c\0d</textarea><p title='e\0f'>".utf8))
        let paragraph = try #require(document.firstElement(.p))
        // In body text gumbo drops NUL; in RCDATA and attribute values it becomes U+FFFD.
        #expect(document.textContent(of: paragraph) == "ab")
        let textarea = try #require(document.firstElement(.textarea))
        #expect(document.textContent(of: textarea) == "c\u{FFFD}d")
        let titled = document[textarea].nextSibling
        #expect(document.attribute("title", of: titled) == "e\u{FFFD}f")
    }

    @Test func invalidUTF8BecomesReplacementCharacters() throws {
        let bytes: [UInt8] = Array("<p>a".utf8) + [0xFF] + Array("b".utf8) + [0xC3, 0x28] + Array("<b>".utf8) + [0xE2, 0x82]
        let document = GumboParser.parse(bytes)
        let paragraph = try #require(document.firstElement(.p))
        #expect(document.textContent(of: paragraph) == "a\u{FFFD}b\u{FFFD}(\u{FFFD}")
    }
}
