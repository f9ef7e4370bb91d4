/// An absolute URL, parsed per RFC 3986 with the WHATWG clean-ups browsers apply
/// (surrounding spaces and controls trimmed, tabs and newlines removed, `\` read as `/`
/// in http, https and file URLs), serialized with unsafe bytes percent-encoded.
public struct AbsoluteURL: Hashable, Sendable, CustomStringConvertible {
    /// Lower case, without the colon.
    public private(set) var scheme: String
    /// `userinfo@host:port`, or nil for URLs without `//` (mailto:, data:).
    public private(set) var authority: String?
    public private(set) var path: String
    public private(set) var query: String?
    public private(set) var fragment: String?

    /// Parses an absolute URL; nil when there is no valid scheme.
    public init?(_ string: String) {
        guard var reference = URLReference(string), let scheme = reference.scheme else { return nil }
        if reference.authority == nil && (scheme == "http" || scheme == "https") && !reference.path.hasPrefix("/") {
            // "https:example.com" with no slashes: browsers read what follows as the host.
            let path = reference.path
            let end = path.firstIndex(of: "/") ?? path.endIndex
            guard !path[..<end].isEmpty else { return nil }
            reference.authority = String(path[..<end])
            reference.path = String(path[end...])
        }
        self.init(scheme: scheme, reference: reference)
    }

    private init(scheme: String, reference: URLReference) {
        self.scheme = scheme.lowercased()
        authority = reference.authority.map(AbsoluteURL.normalizeAuthority)
        path = reference.path
        query = reference.query
        fragment = reference.fragment
        if authority != nil && path.isEmpty && AbsoluteURL.isSpecial(self.scheme) {
            path = "/"
        }
        if authority != nil || path.hasPrefix("/") {
            path = URLReference.removeDotSegments(path)
        }
    }

    /// Resolves a reference (as found in `href`) against this URL; nil when it cannot be read.
    public func resolve(_ string: String) -> AbsoluteURL? {
        guard var reference = URLReference(string, special: AbsoluteURL.isSpecial(scheme)) else { return nil }
        if let scheme = reference.scheme {
            // "http:page" relative to an http base is a relative reference (WHATWG).
            if scheme.lowercased() == self.scheme && AbsoluteURL.isSpecial(self.scheme) && reference.authority == nil {
                reference.scheme = nil
            } else {
                return AbsoluteURL(scheme: scheme, reference: reference)
            }
        }
        var result = self
        result.fragment = reference.fragment
        if let authority = reference.authority {
            result.authority = AbsoluteURL.normalizeAuthority(authority)
            result.path = URLReference.removeDotSegments(reference.path.isEmpty && AbsoluteURL.isSpecial(scheme) ? "/" : reference.path)
            result.query = reference.query
            return result
        }
        if reference.path.isEmpty {
            if reference.query != nil {
                result.query = reference.query
            }
            return result
        }
        if reference.path.hasPrefix("/") {
            result.path = URLReference.removeDotSegments(reference.path)
        } else {
            result.path = URLReference.removeDotSegments(merge(reference.path))
        }
        result.query = reference.query
        return result
    }

    private func merge(_ relative: String) -> String {
        if authority != nil && path.isEmpty {
            return "/" + relative
        }
        if let slash = path.lastIndex(of: "/") {
            return path[...slash] + relative
        }
        return relative
    }

    /// The host, lower case, without brackets, user info or port.
    public var host: String? {
        guard var rest = authority else { return nil }
        if let at = rest.lastIndex(of: "@") {
            rest = String(rest[rest.index(after: at)...])
        }
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { return rest }
            return String(rest[rest.index(after: rest.startIndex)..<close])
        }
        if let colon = rest.lastIndex(of: ":") {
            return String(rest[..<colon])
        }
        return rest
    }

    /// The port as written, or the scheme's default.
    public var port: Int? {
        guard var rest = authority else { return nil }
        if let at = rest.lastIndex(of: "@") {
            rest = String(rest[rest.index(after: at)...])
        }
        if let close = rest.lastIndex(of: "]") {
            rest = String(rest[rest.index(after: close)...])
        }
        if let colon = rest.lastIndex(of: ":"), let port = Int(rest[rest.index(after: colon)...]) {
            return port
        }
        return AbsoluteURL.defaultPort(scheme)
    }

    /// The origin (scheme, host, port) that payments and cookies are bound to.
    public var origin: Origin? {
        guard let host, !host.isEmpty, scheme == "http" || scheme == "https" else { return nil }
        return Origin(scheme: scheme, host: host, port: port ?? 0)
    }

    /// The URL without its `#fragment`.
    public var withoutFragment: AbsoluteURL {
        var copy = self
        copy.fragment = nil
        return copy
    }

    /// The serialized URL, with spaces, controls, quotes and non-ASCII percent-encoded.
    public var description: String {
        var out = scheme + ":"
        if let authority {
            out += "//" + PercentEncoding.encode(authority, keeping: .authority)
        }
        out += PercentEncoding.encode(path, keeping: .path)
        if let query {
            out += "?" + PercentEncoding.encode(query, keeping: .query)
        }
        if let fragment {
            out += "#" + PercentEncoding.encode(fragment, keeping: .fragment)
        }
        return out
    }

    /// Whether links starting with `/` resolve against the authority (http, https, file …).
    public static func isHierarchical(_ scheme: String) -> Bool { isSpecial(scheme) }

    static func isSpecial(_ scheme: String) -> Bool {
        scheme == "http" || scheme == "https" || scheme == "file" || scheme == "ws" || scheme == "wss" || scheme == "ftp"
    }

    static func defaultPort(_ scheme: String) -> Int? {
        switch scheme {
        case "http", "ws": return 80
        case "https", "wss": return 443
        case "ftp": return 21
        default: return nil
        }
    }

    private static func normalizeAuthority(_ authority: String) -> String {
        var userinfo = ""
        var hostPort = Substring(authority)
        if let at = authority.lastIndex(of: "@") {
            userinfo = String(authority[...at])
            hostPort = authority[authority.index(after: at)...]
        }
        return userinfo + hostPort.lowercased()
    }
}

/// The scheme, host and port a resource belongs to.
public struct Origin: Hashable, Sendable, CustomStringConvertible {
    public var scheme: String
    public var host: String
    public var port: Int

    public init(scheme: String, host: String, port: Int) {
        self.scheme = scheme
        self.host = host
        self.port = port
    }

    /// `scheme://host:port`, with the port left out when it is the scheme's default.
    public var description: String {
        let bracketed = host.contains(":") ? "[\(host)]" : host
        if AbsoluteURL.defaultPort(scheme) == port {
            return "\(scheme)://\(bracketed)"
        }
        return "\(scheme)://\(bracketed):\(port)"
    }

    /// Whether the host is on this machine (127.0.0.0/8, ::1, localhost).
    public var isLoopback: Bool {
        host == "localhost" || host.hasSuffix(".localhost") || host == "::1" || host.hasPrefix("127.")
    }
}
