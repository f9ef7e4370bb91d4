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
        let heading = "\nReferences\n\n"
        let listed = references && !links.isEmpty
        var capacity = lines.reduce(0) { $0 + $1.text.utf8.count + 1 }
        if listed {
            // Each entry: the number right-aligned in 4 columns, ". ", the URL, a newline.
            capacity = links.reduce(capacity + heading.utf8.count) { $0 + max(String($1.number).utf8.count, 4) + 3 + $1.url.utf8.count }
        }
        // One string of the right size, appended to from strings (which need no validating
        // again, unlike bytes).
        var output = ""
        output.reserveCapacity(capacity)
        for line in lines {
            var text = line.text
            let kept = text.withUTF8 { RenderedPage.lengthWithoutTrailingSpaces($0) }
            if kept == text.utf8.count {
                output += text
            } else {
                output += Substring(text.utf8.prefix(kept))
            }
            output += "\n"
        }
        if listed {
            output += heading
            for link in links {
                let number = String(link.number)
                for _ in number.utf8.count..<max(number.utf8.count, 4) { output += " " }
                output += number
                output += ". "
                output += link.url
                output += "\n"
            }
        }
        return output
    }

    /// The length of a line's UTF-8 without its trailing spaces.
    private static func lengthWithoutTrailingSpaces(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        var end = text.count
        while end > 0 && text[end - 1] == UInt8(ascii: " ") { end -= 1 }
        if end > 0 && end < text.count && text[end - 1] >= 0x80 {
            // A space after a non-ASCII scalar may belong to its character (after a prepended
            // mark): trimmed by characters, as a string is.
            var trimmed = Substring(decoding: text, as: UTF8.self)
            while trimmed.last == " " { trimmed = trimmed.dropLast() }
            end = trimmed.utf8.count
        }
        return end
    }
}
