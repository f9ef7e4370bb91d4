/// The media type of a local file, guessed from its extension (files carry no Content-Type).
enum FileContentType {
    /// The Content-Type for the file a `file:` URL names; `application/octet-stream` when unknown.
    static func forFileURL(_ url: String) -> String {
        // The path ends before any query or fragment.
        let path = url.prefix { $0 != "?" && $0 != "#" }
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return fallback }
        let fileExtension = name[name.index(after: dot)...].lowercased()
        return byExtension[fileExtension] ?? fallback
    }

    private static let fallback = "application/octet-stream"

    // No charset: the decoder then looks for a BOM or `<meta charset>`, and defaults to UTF-8.
    private static let byExtension: [String: String] = [
        "html": "text/html", "htm": "text/html", "xhtml": "text/html",
        "txt": "text/plain", "text": "text/plain", "md": "text/markdown",
        "json": "application/json", "xml": "application/xml", "css": "text/css",
        "js": "text/javascript", "mjs": "text/javascript", "csv": "text/csv",
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "webp": "image/webp", "svg": "image/svg+xml", "ico": "image/x-icon", "avif": "image/avif",
        "pdf": "application/pdf",
    ]
}
