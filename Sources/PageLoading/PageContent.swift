import HTTPModel
import PageLayout

/// How a body is to be read, from its media type or, without one, from its first bytes.
public enum ContentKind: Equatable, Sendable {
    case html, json, text, binary

    /// The kind of a response body.
    public static func of(mediaType: MediaType?, body: [UInt8]) -> ContentKind {
        guard let mediaType else { return sniff(body) }
        let essence = mediaType.essence
        switch essence {
        case "text/html", "application/xhtml+xml":
            return .html
        case "application/json", "text/json":
            return .json
        case "application/xml", "application/javascript", "application/ecmascript", "application/x-sh",
             "application/x-www-form-urlencoded", "application/toml", "application/yaml", "application/x-yaml",
             "application/sql", "application/x-httpd-php":
            return .text
        default:
            if mediaType.subtype.hasSuffix("+json") { return .json }
            if mediaType.subtype.hasSuffix("+xml") || mediaType.type == "text" { return .text }
            if essence == "application/octet-stream" || essence == "unknown/unknown" {
                return sniff(body) == .binary ? .binary : .text
            }
            return .binary
        }
    }

    /// Guesses from the first bytes: markup, binary (control bytes other than white space), or text.
    static func sniff(_ body: [UInt8]) -> ContentKind {
        let head = body.prefix(1024)
        for byte in head where byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D && byte != 0x1B {
            return .binary
        }
        let start = String(decoding: head.prefix(64), as: UTF8.self).drop { $0.isWhitespace }.lowercased()
        for opening in ["<!doctype html", "<html", "<head", "<body", "<p", "<div", "<h1", "<table", "<a ", "<!--", "<br"]
            where start.hasPrefix(opening) {
            return .html
        }
        if start.hasPrefix("{") || start.hasPrefix("[") {
            return .json
        }
        return .text
    }
}
