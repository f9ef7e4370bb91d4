import TerminalText

/// Bookmarks in the Netscape bookmark file format, which every browser imports.
public struct BookmarkList: Equatable, Sendable {
    public struct Bookmark: Equatable, Sendable {
        public var title: String
        public var url: String
        /// Seconds since 1970.
        public var added: Int

        public init(title: String, url: String, added: Int) {
            self.title = title
            self.url = url
            self.added = added
        }
    }

    public var bookmarks: [Bookmark]

    public init(bookmarks: [Bookmark] = []) {
        self.bookmarks = bookmarks
    }

    /// Reads the `<DT><A HREF="..." ADD_DATE="...">title</A>` entries of a bookmark file;
    /// anything else in the file is ignored.
    public init(parsing text: String) {
        var bookmarks: [Bookmark] = []
        var rest = Substring(text)
        while let open = rest.firstRange(of: "<A ") ?? rest.firstRange(of: "<a ") {
            rest = rest[open.upperBound...]
            guard let tagEnd = rest.firstIndex(of: ">") else { break }
            let attributes = rest[..<tagEnd]
            rest = rest[rest.index(after: tagEnd)...]
            let titleEnd = rest.firstRange(of: "</A>")?.lowerBound ?? rest.firstRange(of: "</a>")?.lowerBound ?? rest.endIndex
            let title = BookmarkList.unescape(String(rest[..<titleEnd]))
            guard let url = BookmarkList.attribute("HREF", in: attributes) ?? BookmarkList.attribute("href", in: attributes) else { continue }
            let added = BookmarkList.attribute("ADD_DATE", in: attributes).flatMap { Int($0) } ?? 0
            bookmarks.append(Bookmark(title: TerminalSafe.sanitize(title), url: BookmarkList.unescape(url), added: added))
        }
        self.bookmarks = bookmarks
    }

    /// The file text.
    public var fileText: String {
        var lines = [
            "<!DOCTYPE NETSCAPE-Bookmark-file-1>",
            "<!-- This is an automatically generated file by Penny. -->",
            "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=UTF-8\">",
            "<TITLE>Bookmarks</TITLE>",
            "<H1>Bookmarks</H1>",
            "<DL><p>",
        ]
        for bookmark in bookmarks {
            lines.append("    <DT><A HREF=\"\(BookmarkList.escape(bookmark.url))\" ADD_DATE=\"\(bookmark.added)\">\(BookmarkList.escape(bookmark.title))</A>")
        }
        lines.append("</DL><p>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Adds a bookmark, or moves an existing one for the same URL to the end with the new title.
    public mutating func add(_ bookmark: Bookmark) {
        bookmarks.removeAll { $0.url == bookmark.url }
        bookmarks.append(bookmark)
    }

    public static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacing("&lt;", with: "<").replacing("&gt;", with: ">")
            .replacing("&quot;", with: "\"").replacing("&#39;", with: "'").replacing("&amp;", with: "&")
    }

    private static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let start = tag.firstRange(of: name + "=\"") else { return nil }
        let value = tag[start.upperBound...]
        guard let end = value.firstIndex(of: "\"") else { return nil }
        return String(value[..<end])
    }
}
