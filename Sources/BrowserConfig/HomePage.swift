/// Checks on the home-page setting.
enum HomePage {
    /// Whether `text` looks like an absolute URL: a scheme, a colon and more, with no
    /// spaces or control characters; http and https need `//` and a host.
    static func isAbsoluteURL(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let scheme = text[..<colon].lowercased()
        let rest = text[text.index(after: colon)...]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }),
              !rest.isEmpty,
              !text.unicodeScalars.contains(where: isSpaceOrControl)
        else { return false }
        if scheme == "http" || scheme == "https" {
            guard rest.hasPrefix("//") else { return false }
            let host = rest.dropFirst(2).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            return !host.isEmpty
        }
        return true
    }

    private static func isSpaceOrControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
    }
}
