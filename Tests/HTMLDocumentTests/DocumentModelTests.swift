import HTMLDocument
import Testing

/// The flat `Document` and its `DocumentBuilder`, without a parser.
@Suite struct DocumentModelTests {
    /// html > (head, body > (p > "one" "two", "tail")), built by hand.
    struct Sample {
        var document: Document
        var html, head, body, paragraph: NodeID

        init() {
            var builder = DocumentBuilder()
            html = builder.appendElement(to: Document.root, name: "html")
            head = builder.appendElement(to: html, name: "head")
            body = builder.appendElement(to: html, name: "body")
            paragraph = builder.appendElement(to: body, name: "p", attributes: [
                Attribute(name: "class", value: "intro"),
                Attribute(namespace: .xlink, name: "href", value: "#namespaced"),
            ])
            builder.appendText(to: paragraph, "one ")
            let emphasis = builder.appendElement(to: paragraph, name: "em")
            builder.appendText(to: emphasis, "two")
            builder.appendText(to: body, " tail")
            document = builder.finish()
        }
    }

    @Test func childrenComeInInsertionOrder() {
        let sample = Sample()
        #expect(Array(sample.document.children(of: Document.root)) == [sample.html])
        #expect(Array(sample.document.children(of: sample.html)) == [sample.head, sample.body])
        #expect(sample.document.children(of: sample.body).map { sample.document[$0].kind } == [.element, .text])
        #expect(Array(sample.document.children(of: sample.head)).isEmpty)
    }

    @Test func elementsKnowTheirTagAndName() {
        let sample = Sample()
        #expect(sample.document[sample.paragraph].tag == .p)
        #expect(sample.document.name(of: sample.paragraph) == "p")
        #expect(sample.document[sample.paragraph].parent == sample.body)
        #expect(sample.document.name(of: Document.root) == "")
    }

    @Test func attributeLookupIgnoresNamespacedAttributes() {
        let sample = Sample()
        let document = sample.document
        #expect(document.attribute("class", of: sample.paragraph) == "intro")
        #expect(document.hasAttribute("class", of: sample.paragraph))
        #expect(document.attribute("href", of: sample.paragraph) == nil)
        #expect(document.attribute("id", of: sample.paragraph) == nil)
        #expect(document.attributes(of: sample.paragraph).count == 2)
        #expect(document.attributes(of: sample.body).isEmpty)
    }

    @Test func textContentConcatenatesDescendantTextInOrder() {
        let sample = Sample()
        #expect(sample.document.textContent(of: sample.paragraph) == "one two")
        #expect(sample.document.textContent(of: sample.body) == "one two tail")
        #expect(sample.document.textContent(of: sample.head) == "")
    }

    @Test func forEachDescendantVisitsInDocumentOrder() {
        let sample = Sample()
        let document = sample.document
        var names: [String] = []
        document.forEachDescendant(of: Document.root) { id in
            names.append(document[id].kind == .text ? "#" + document.text(of: id) : document.name(of: id))
            return true
        }
        #expect(names == ["html", "head", "body", "p", "#one ", "em", "#two", "# tail"])
    }

    @Test func forEachDescendantSkipsChildrenWhenAsked() {
        let sample = Sample()
        let document = sample.document
        var visited: [NodeID] = []
        document.forEachDescendant(of: sample.body) { id in
            visited.append(id)
            return id != sample.paragraph
        }
        #expect(visited.count == 2)
        #expect(visited.first == sample.paragraph)
        #expect(document.text(of: visited[1]) == " tail")
    }

    @Test func adjacentTextMergesIntoOneNode() {
        var builder = DocumentBuilder()
        let paragraph = builder.appendElement(to: Document.root, name: "p")
        builder.appendText(to: paragraph, "a")
        builder.appendText(to: paragraph, utf8: Array("b".utf8))
        builder.appendComment(to: paragraph, "c")
        builder.appendText(to: paragraph, "d")
        let document = builder.finish()
        let kinds = document.children(of: paragraph).map { document[$0].kind }
        #expect(kinds == [.text, .comment, .text])
        #expect(document.text(of: document[paragraph].firstChild) == "ab")
        #expect(document.text(of: document[paragraph].lastChild) == "d")
    }

    @Test func depthCapSendsChildrenToTheDeepestAllowedAncestor() {
        var builder = DocumentBuilder()
        var parent = Document.root
        for _ in 0..<DocumentBuilder.maximumDepth {
            parent = builder.appendElement(to: parent, name: "div")
        }
        let refused = builder.appendElement(to: parent, name: "span")
        builder.appendText(to: refused, "deep")
        let document = builder.finish()
        #expect(refused == parent)
        #expect(document.depth(of: parent) == DocumentBuilder.maximumDepth)
        #expect(document.textContent(of: parent) == "deep")
        #expect(document.depth(of: document[parent].firstChild) == DocumentBuilder.maximumDepth + 1)
    }

    @Test func doctypeKeepsItsIdentifiers() {
        var builder = DocumentBuilder()
        builder.appendDoctype(name: "html", publicIdentifier: "-//W3C//DTD HTML 4.01//EN", systemIdentifier: nil)
        let document = builder.finish()
        let doctype = document[Document.root].firstChild
        #expect(document[doctype].kind == .doctype)
        #expect(document.text(of: doctype) == "html")
        #expect(document.doctypeIdentifiers(of: doctype)
            == DoctypeIdentifiers(publicIdentifier: "-//W3C//DTD HTML 4.01//EN", systemIdentifier: nil))
    }
}

@Suite struct TagNameTableTests {
    @Test func everyTagIsNamedAsItIsDeclared() {
        for tag in Tag.allCases {
            let declared = String(describing: tag)
            #expect(tag.name == declared)
            if tag != .unknown { #expect(Tag(name: declared) == tag) }
        }
    }
}
