/// The HTML element names that layout treats specially; everything else is `.unknown`.
public enum Tag: UInt8, Sendable, CaseIterable {
    case unknown
    case a, abbr, address, area, article, aside, audio, b, base, bdi, bdo, blockquote, body, br,
         button, canvas, caption, center, cite, code, col, colgroup, data, datalist, dd, del,
         details, dfn, dialog, dir, div, dl, dt, em, embed, fieldset, figcaption, figure, font,
         footer, form, frame, frameset, h1, h2, h3, h4, h5, h6, head, header, hgroup, hr, html,
         i, iframe, img, input, ins, kbd, label, legend, li, link, listing, main, map, mark,
         menu, meta, meter, nav, nobr, noembed, noframes, noscript, object, ol, optgroup, option,
         output, p, param, picture, plaintext, pre, progress, q, rp, rt, ruby, s, samp, script,
         search, section, select, slot, small, source, span, strike, strong, style, sub,
         summary, sup, svg, math, table, tbody, td, template, textarea, tfoot, th, thead, time,
         title, tr, track, tt, u, ul, `var`, video, wbr, xmp

    /// Every case's name, in declaration order: spelled out because String(describing:)
    /// reflects on each case, which cost start-up time (a test checks the two agree).
    static let names: [String] = [
        "unknown", "a", "abbr", "address", "area", "article", "aside", "audio", "b", "base", "bdi", "bdo",
        "blockquote", "body", "br", "button", "canvas", "caption", "center", "cite", "code", "col",
        "colgroup", "data", "datalist", "dd", "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt",
        "em", "embed", "fieldset", "figcaption", "figure", "font", "footer", "form", "frame", "frameset",
        "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "i", "iframe", "img",
        "input", "ins", "kbd", "label", "legend", "li", "link", "listing", "main", "map", "mark", "menu",
        "meta", "meter", "nav", "nobr", "noembed", "noframes", "noscript", "object", "ol", "optgroup",
        "option", "output", "p", "param", "picture", "plaintext", "pre", "progress", "q", "rp", "rt", "ruby",
        "s", "samp", "script", "search", "section", "select", "slot", "small", "source", "span", "strike",
        "strong", "style", "sub", "summary", "sup", "svg", "math", "table", "tbody", "td", "template",
        "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track", "tt", "u", "ul", "var", "video",
        "wbr", "xmp",
    ]

    private static let byName: [String: Tag] = {
        var map: [String: Tag] = [:]
        for tag in Tag.allCases where tag != .unknown {
            map[names[Int(tag.rawValue)]] = tag
        }
        return map
    }()

    /// The tag for a lower-case HTML element name.
    public init(name: String) {
        self = Tag.byName[name] ?? .unknown
    }

    /// The element name, lower case.
    public var name: String { Tag.names[Int(rawValue)] }
}
