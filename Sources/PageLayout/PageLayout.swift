import HTMLDocument
import TerminalText
import WebAddress

/// Turns documents and text into `RenderedPage`s. Pure: no terminal, socket or disk.
public enum PageLayout {
    /// Lays out an HTML document at `options.width`; `url` resolves relative links.
    public static func render(_ document: Document, url: AbsoluteURL?, options: LayoutOptions) -> RenderedPage {
        let prepass = PagePrepass(document: document, url: url)
        let context = LayoutContext(document: document, prepass: prepass, options: options)
        let engine = LayoutEngine(context: context, width: options.width)
        if let refresh = prepass.refresh {
            engine.beginBlock(blankLines: 0)
            let notice = TextAttributes(flags: .notice)
            engine.appendAtom("Refresh (\(refresh.seconds) s):", notice)
            engine.whiteSpace()
            if prepass.refreshLink >= 0 {
                var link = notice
                link.link = prepass.refreshLink
                if options.numberLinks {
                    engine.appendAtom("[\(prepass.links[Int(prepass.refreshLink)].number)]", link.adding(.linkNumber))
                }
                engine.appendAtom(prepass.links[Int(prepass.refreshLink)].url, link)
            } else {
                engine.appendAtom("this page", notice)
            }
            engine.endBlock(blankLines: 1)
        }
        engine.layoutChildren(of: Document.root, InlineStyle())
        let layout = engine.finish()
        var lines = layout.lines
        if engine.truncated {
            lines.append(StyledLine(text: "[page cut at \(options.maximumLines) lines]",
                                    spans: [StyledSpan(start: 0, end: 30, attributes: TextAttributes(flags: .notice))], width: 30))
        }
        var page = RenderedPage(title: prepass.title, lines: lines, links: prepass.links, fields: prepass.fields,
                                forms: prepass.forms, anchors: [:], refresh: prepass.refresh,
                                monetization: prepass.monetization, width: options.width)
        for anchor in layout.anchors where page.anchors[anchor.name] == nil {
            page.anchors[anchor.name] = anchor.line
        }
        page.mapPositions()
        return page
    }

    /// Lays out HTML source given as a string (for tests and small pages).
    public static func render(html: String, parser: some HTMLParser, url: AbsoluteURL? = nil,
                              options: LayoutOptions = LayoutOptions()) -> RenderedPage {
        render(parser.parse(html), url: url, options: options)
    }
}

extension RenderedPage {
    /// Fills the link and field positions from the spans that carry them.
    mutating func mapPositions() {
        for (lineIndex, line) in lines.enumerated() {
            for span in line.spans {
                let position = LinePosition(line: lineIndex, start: Int(span.start), end: Int(span.end))
                if span.attributes.link >= 0 && !span.attributes.flags.contains(.linkNumber) {
                    let index = Int(span.attributes.link)
                    if let last = links[index].positions.last, last.line == lineIndex, last.end == position.start {
                        links[index].positions[links[index].positions.count - 1].end = position.end
                    } else {
                        links[index].positions.append(position)
                    }
                }
                if span.attributes.field >= 0 {
                    let index = Int(span.attributes.field)
                    if let last = fields[index].positions.last, last.line == lineIndex, last.end == position.start {
                        fields[index].positions[fields[index].positions.count - 1].end = position.end
                    } else {
                        fields[index].positions.append(position)
                    }
                }
            }
        }
    }

    /// The page as plain text, the way `penny --dump` prints it: lines without trailing
    /// spaces, then a `References` list of every link's absolute URL (as `lynx -dump` does).
    public func dumpText(references: Bool = true) -> String {
        var output = ""
        output.reserveCapacity(lines.count * (width / 2 + 1))
        for line in lines {
            var text = Substring(line.text)
            while text.last == " " { text = text.dropLast() }
            output += text
            output += "\n"
        }
        if references && !links.isEmpty {
            output += "\nReferences\n\n"
            for link in links {
                let number = String(link.number)
                output += String(repeating: " ", count: max(4 - number.count, 0)) + number + ". " + link.url + "\n"
            }
        }
        return output
    }
}
