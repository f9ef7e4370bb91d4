/// A URL reference split into its five parts (RFC 3986, appendix B).
struct URLReference {
    var scheme: String?
    var authority: String?
    var path: String
    var query: String?
    var fragment: String?

    /// Splits `string` after the WHATWG clean-ups; `special` reads `\` as `/`.
    init?(_ string: String, special: Bool = true) {
        var scalars = String.UnicodeScalarView()
        for scalar in string.unicodeScalars where scalar != "\t" && scalar != "\n" && scalar != "\r" {
            scalars.append(scalar)
        }
        var text = Substring(String(scalars))
        while let first = text.unicodeScalars.first, first.value <= 0x20 { text = text.dropFirst() }
        while let last = text.unicodeScalars.last, last.value <= 0x20 { text = text.dropLast() }

        var rest = text
        if let colon = rest.firstIndex(of: ":"), URLReference.isScheme(rest[..<colon]) {
            scheme = rest[..<colon].lowercased()
            rest = rest[rest.index(after: colon)...]
        }
        let isSpecial = special || scheme.map { AbsoluteURL.isSpecial($0) } ?? false
        if isSpecial, scheme == nil || AbsoluteURL.isSpecial(scheme!) {
            rest = Substring(rest.replacingBackslashes())
        }
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: question)...])
            rest = rest[..<question]
        }
        if rest.hasPrefix("//") {
            let afterSlashes = rest.index(rest.startIndex, offsetBy: 2)
            let end = rest[afterSlashes...].firstIndex(of: "/") ?? rest.endIndex
            let authority = rest[afterSlashes..<end]
            guard !authority.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == " " }) else { return nil }
            self.authority = String(authority)
            rest = rest[end...]
        }
        path = String(rest)
    }

    private static func isScheme(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first) else {
            return false
        }
        return text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "+" || $0 == "-" || $0 == "."
        }
    }

    /// RFC 3986 §5.2.4, also treating `%2e` as a dot.
    static func removeDotSegments(_ path: String) -> String {
        guard mayHaveDotSegments(path) else { return path }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        var output: [Substring] = []
        let absolute = path.hasPrefix("/")
        for (index, segment) in segments.enumerated() {
            if index == 0 && absolute { continue }
            let lower = segment.lowercased()
            let isLast = index == segments.count - 1
            if lower == "." || lower == "%2e" {
                if isLast { output.append("") }
            } else if lower == ".." || lower == ".%2e" || lower == "%2e." || lower == "%2e%2e" {
                if !output.isEmpty { output.removeLast() }
                if isLast { output.append("") }
            } else {
                output.append(segment)
            }
        }
        let joined = output.joined(separator: "/")
        return absolute ? "/" + joined : joined
    }
}

extension URLReference {
    /// Whether a segment may be `.` or `..`: one starts right after a `/` (or at the start)
    /// with a dot, or is percent-encoded. Most paths (`/dir/page.html`) have neither.
    static func mayHaveDotSegments(_ path: String) -> Bool {
        var previous = UInt8(ascii: "/")
        for byte in path.utf8 {
            if byte == UInt8(ascii: "%") || (byte == UInt8(ascii: ".") && previous == UInt8(ascii: "/")) { return true }
            previous = byte
        }
        return false
    }
}

extension Substring {
    fileprivate func replacingBackslashes() -> String {
        guard contains("\\") else { return String(self) }
        return String(map { $0 == "\\" ? "/" : $0 })
    }
}
