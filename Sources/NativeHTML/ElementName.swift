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

    private static let byName: [String: ElementName] = {
        var map: [String: ElementName] = [:]
        for name in ElementName.allCases where name != .other {
            map[String(describing: name)] = name
        }
        return map
    }()

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
