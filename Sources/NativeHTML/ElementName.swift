/// The HTML element names that the tree-construction rules mention, so that the builder
/// compares small integers instead of strings; every other name is `.other`.
enum ElementName: UInt8, CaseIterable {
    case other
    case a, address, applet, area, article, aside, b, base, basefont, bgsound, big, blockquote,
         body, br, button, caption, center, code, col, colgroup, dd, details, dialog, dir, div, dl,
         dt, em, embed, fieldset, figcaption, figure, font, footer, form, frame, frameset, h1, h2,
         h3, h4, h5, h6, head, header, hgroup, hr, html, i, iframe, image, img, input, keygen, li,
         link, listing, main, marquee, math, menu, meta, nav, nobr, noembed, noframes, noscript,
         object, ol, optgroup, option, p, param, plaintext, pre, rb, rp, rt, rtc, s, script,
         search, section, select, small, source, strike, strong, style, summary, svg, table,
         tbody, td, template, textarea, tfoot, th, thead, title, tr, track, tt, u, ul, wbr, xmp

    /// Spelled out rather than built with String(describing:), which reflects on every case
    /// at start-up.
    private static let byName: [String: ElementName] = [
        "a": .a,
        "address": .address,
        "applet": .applet,
        "area": .area,
        "article": .article,
        "aside": .aside,
        "b": .b,
        "base": .base,
        "basefont": .basefont,
        "bgsound": .bgsound,
        "big": .big,
        "blockquote": .blockquote,
        "body": .body,
        "br": .br,
        "button": .button,
        "caption": .caption,
        "center": .center,
        "code": .code,
        "col": .col,
        "colgroup": .colgroup,
        "dd": .dd,
        "details": .details,
        "dialog": .dialog,
        "dir": .dir,
        "div": .div,
        "dl": .dl,
        "dt": .dt,
        "em": .em,
        "embed": .embed,
        "fieldset": .fieldset,
        "figcaption": .figcaption,
        "figure": .figure,
        "font": .font,
        "footer": .footer,
        "form": .form,
        "frame": .frame,
        "frameset": .frameset,
        "h1": .h1,
        "h2": .h2,
        "h3": .h3,
        "h4": .h4,
        "h5": .h5,
        "h6": .h6,
        "head": .head,
        "header": .header,
        "hgroup": .hgroup,
        "hr": .hr,
        "html": .html,
        "i": .i,
        "iframe": .iframe,
        "image": .image,
        "img": .img,
        "input": .input,
        "keygen": .keygen,
        "li": .li,
        "link": .link,
        "listing": .listing,
        "main": .main,
        "marquee": .marquee,
        "math": .math,
        "menu": .menu,
        "meta": .meta,
        "nav": .nav,
        "nobr": .nobr,
        "noembed": .noembed,
        "noframes": .noframes,
        "noscript": .noscript,
        "object": .object,
        "ol": .ol,
        "optgroup": .optgroup,
        "option": .option,
        "p": .p,
        "param": .param,
        "plaintext": .plaintext,
        "pre": .pre,
        "rb": .rb,
        "rp": .rp,
        "rt": .rt,
        "rtc": .rtc,
        "s": .s,
        "script": .script,
        "search": .search,
        "section": .section,
        "select": .select,
        "small": .small,
        "source": .source,
        "strike": .strike,
        "strong": .strong,
        "style": .style,
        "summary": .summary,
        "svg": .svg,
        "table": .table,
        "tbody": .tbody,
        "td": .td,
        "template": .template,
        "textarea": .textarea,
        "tfoot": .tfoot,
        "th": .th,
        "thead": .thead,
        "title": .title,
        "tr": .tr,
        "track": .track,
        "tt": .tt,
        "u": .u,
        "ul": .ul,
        "wbr": .wbr,
        "xmp": .xmp,
    ]

    /// The name for a lower-case tag name.
    init(_ name: String) {
        self = ElementName.byName[name] ?? .other
    }

    private static func set(_ names: [ElementName]) -> [Bool] {
        var flags = [Bool](repeating: false, count: ElementName.allCases.count)
        for name in names { flags[Int(name.rawValue)] = true }
        return flags
    }

    /// The "special" category of the HTML standard (HTML namespace only).
    private static let specialSet = set([
        .address, .applet, .area, .article, .aside, .base, .basefont, .bgsound, .blockquote, .body, .br,
        .button, .caption, .center, .col, .colgroup, .dd, .details, .dir, .div, .dl, .dt, .embed,
        .fieldset, .figcaption, .figure, .footer, .form, .frame, .frameset, .h1, .h2, .h3, .h4, .h5,
        .h6, .head, .header, .hgroup, .hr, .html, .iframe, .img, .input, .keygen, .li, .link, .listing,
        .main, .marquee, .menu, .meta, .nav, .noembed, .noframes, .noscript, .object, .ol, .p, .param,
        .plaintext, .pre, .script, .search, .section, .select, .source, .style, .summary, .table,
        .tbody, .td, .template, .textarea, .tfoot, .th, .thead, .title, .tr, .track, .ul, .wbr, .xmp,
    ])
    private static let formattingSet = set([.a, .b, .big, .code, .em, .font, .i, .nobr, .s, .small,
                                            .strike, .strong, .tt, .u])
    private static let impliedEndSet = set([.dd, .dt, .li, .optgroup, .option, .p, .rb, .rp, .rt, .rtc])
    private static let scopeBoundarySet = set([.applet, .caption, .html, .table, .td, .th, .marquee,
                                               .object, .template])
    /// Start tags that close an open `p` in button scope before they open ("in body").
    private static let closesParagraphSet = set([
        .address, .article, .aside, .blockquote, .center, .details, .dialog, .dir, .div, .dl,
        .fieldset, .figcaption, .figure, .footer, .header, .hgroup, .main, .menu, .nav, .ol, .p,
        .search, .section, .summary, .ul,
    ])
    private static let headingSet = set([.h1, .h2, .h3, .h4, .h5, .h6])
    private static let voidSet = set([.area, .br, .embed, .img, .keygen, .wbr, .input, .param, .source,
                                      .track, .hr, .base, .basefont, .bgsound, .link, .meta, .col, .frame])

    var isSpecial: Bool { ElementName.specialSet[Int(rawValue)] }
    var isFormatting: Bool { ElementName.formattingSet[Int(rawValue)] }
    var hasImpliedEndTag: Bool { ElementName.impliedEndSet[Int(rawValue)] }
    var isScopeBoundary: Bool { ElementName.scopeBoundarySet[Int(rawValue)] }
    var closesParagraph: Bool { ElementName.closesParagraphSet[Int(rawValue)] }
    var isHeading: Bool { ElementName.headingSet[Int(rawValue)] }
    var isVoid: Bool { ElementName.voidSet[Int(rawValue)] }
}
