import CGumbo
import HTMLDocument

/// The HTML5 parser backed by gumbo: parses with gumbo, then copies its tree into a `Document`.
public struct GumboParser: HTMLParser {
    public init() {}

    /// Parses UTF-8 HTML bytes; the length is passed to gumbo, so NUL bytes are fine.
    public func parse(utf8 bytes: UnsafeRawBufferPointer) -> Document {
        var options = kGumboDefaultOptions
        // Penny never reads parse errors; recording them costs time and memory on bad pages.
        options.max_errors = 0
        // Gumbo wants a real pointer even for empty input.
        let empty: StaticString = ""
        let base = bytes.baseAddress ?? UnsafeRawPointer(empty.utf8Start)
        let buffer = base.assumingMemoryBound(to: CChar.self)
        guard let output = gumbo_parse_with_options(&options, buffer, bytes.count) else {
            return DocumentBuilder().finish()
        }
        defer { gumbo_destroy_output(&options, output) }
        var converter = TreeConverter(source: base)
        return converter.convert(output)
    }

    /// Parses UTF-8 HTML bytes.
    public static func parse(_ bytes: [UInt8]) -> Document {
        GumboParser().parse(bytes)
    }
}
