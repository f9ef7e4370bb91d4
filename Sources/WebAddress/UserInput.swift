/// Turns what a person types or passes on the command line into a URL.
public enum UserInput {
    /// A URL for `input`: an absolute URL as it is, a local path as `file://`,
    /// a bare host name as `https://`. `fileExists` answers for local paths.
    public static func url(from input: String, currentDirectory: String,
                           fileExists: (String) -> Bool) -> AbsoluteURL? {
        let trimmed = input.trimmingSpaces
        guard !trimmed.isEmpty else { return nil }
        if trimmed.hasPrefix("/") || trimmed.hasPrefix("./") || trimmed.hasPrefix("../") || fileExists(trimmed) {
            let absolutePath = trimmed.hasPrefix("/") ? trimmed : joinPath(currentDirectory, trimmed)
            return AbsoluteURL("file://" + absolutePath)
        }
        if let url = AbsoluteURL(trimmed), !looksLikeHostAndPort(trimmed) {
            return url
        }
        let lower = trimmed.lowercased()
        let scheme = lower.hasPrefix("localhost") || lower.hasPrefix("127.") || lower.hasPrefix("[::1]") ? "http" : "https"
        return AbsoluteURL(scheme + "://" + trimmed)
    }

    /// "localhost:8080" or "example.com:8080/path": a host and port, not a scheme.
    private static func looksLikeHostAndPort(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let afterColon = text[text.index(after: colon)...]
        let digits = afterColon.prefix { $0.isASCII && $0.isNumber }
        return !digits.isEmpty && (digits.count == afterColon.count || afterColon.dropFirst(digits.count).first == "/")
    }

    private static func joinPath(_ directory: String, _ relative: String) -> String {
        directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text = text.dropFirst() }
        while text.last?.isWhitespace == true { text = text.dropLast() }
        return String(text)
    }
}
