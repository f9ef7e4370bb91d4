import CGumbo
import HTMLDocument

/// Element names per gumbo tag, built once so that converting a page allocates no name strings.
struct ElementNames: Sendable {
    /// The lower-case name of each known tag, indexed by `GumboTag.rawValue`.
    private let html: [String]
    /// The SVG spelling of each known tag (`foreignObject`), indexed the same way.
    private let svg: [String]

    static let shared = ElementNames()

    private init() {
        var html: [String] = []
        var svg: [String] = []
        for raw in 0..<GUMBO_TAG_LAST.rawValue {
            let tag = GumboTag(rawValue: raw)
            let name = gumbo_normalized_tagname(tag).map { String(cString: $0) } ?? ""
            html.append(name)
            svg.append(ElementNames.svgSpelling(of: name) ?? name)
        }
        self.html = html
        self.svg = svg
    }

    /// The name of an element as html5lib spells it: lower case, SVG names in their adjusted case.
    func name(of element: GumboElement) -> String {
        let raw = Int(element.tag.rawValue)
        if element.tag != GUMBO_TAG_UNKNOWN && raw < html.count {
            return element.tag_namespace == GUMBO_NAMESPACE_SVG ? svg[raw] : html[raw]
        }
        return ElementNames.unknownName(of: element)
    }

    /// The name of a tag gumbo does not know, read back from the source text of its start tag.
    private static func unknownName(of element: GumboElement) -> String {
        var piece = element.original_tag
        guard piece.data != nil, piece.length > 0 else { return "" }
        gumbo_tag_from_original_text(&piece)
        guard let data = piece.data, piece.length > 0 else { return "" }
        if element.tag_namespace == GUMBO_NAMESPACE_SVG, let adjusted = gumbo_normalize_svg_tagname(&piece) {
            return String(cString: adjusted)
        }
        let source = UnsafeRawBufferPointer(start: data, count: piece.length)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(source.count)
        for byte in source {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                bytes.append(byte | 0x20)
            case 0:
                // The tokenizer turns NUL in a tag name into U+FFFD; the source still has the NUL.
                bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])
            default:
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The SVG case adjustment of a lower-case name, if the SVG table has one.
    private static func svgSpelling(of name: String) -> String? {
        var name = name
        return name.withUTF8 { utf8 -> String? in
            utf8.withMemoryRebound(to: CChar.self) { chars in
                var piece = GumboStringPiece(data: chars.baseAddress, length: chars.count)
                return gumbo_normalize_svg_tagname(&piece).map { String(cString: $0) }
            }
        }
    }
}
