/// Why a request produced no response, with a message fit to show the reader.
public struct TransportError: Error, CustomStringConvertible, Sendable, Hashable {
    /// The broad reason, for code that reacts differently (retry, explain, give up).
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case couldNotResolveHost
        case couldNotConnect
        case timedOut
        case tooLarge
        case tlsFailure
        case tooManyRedirects
        case unsupportedScheme
        case invalidURL
        case fileNotFound
        /// The connection broke before the response was complete.
        case connectionLost
        case other
    }

    public var kind: Kind

    /// Whether the request cannot have reached the server (no connection was ever made): a
    /// payment credential it carried never left this machine.
    public var requestNeverLeft: Bool {
        switch kind {
        case .couldNotResolveHost, .couldNotConnect, .invalidURL, .unsupportedScheme, .tlsFailure: true
        default: false
        }
    }
    /// The URL that was being fetched.
    public var url: String
    /// A sentence naming the URL or server, e.g. "127.0.0.1:8080 did not answer within 10 s".
    public var message: String
    /// The lower layer's own words (libcurl's error buffer), when they add something.
    public var detail: String?

    public init(kind: Kind, url: String, message: String, detail: String? = nil) {
        self.kind = kind
        self.url = url
        self.message = message
        self.detail = detail
    }

    public var description: String {
        guard let detail, !detail.isEmpty else { return message }
        return "\(message) (\(detail))"
    }
}

// The standard messages, so every transport words the same failure the same way.
extension TransportError {
    public static func couldNotResolveHost(url: String, detail: String? = nil) -> TransportError {
        TransportError(kind: .couldNotResolveHost, url: url,
                       message: "could not find the server \(hostName(of: url))", detail: detail)
    }

    public static func couldNotConnect(url: String, detail: String? = nil) -> TransportError {
        TransportError(kind: .couldNotConnect, url: url,
                       message: "could not connect to \(authority(of: url))", detail: detail)
    }

    /// `receivedResponse` tells a server that never answered from one that stalled mid-page.
    public static func timedOut(url: String, after seconds: Double, receivedResponse: Bool = false,
                                detail: String? = nil) -> TransportError {
        let verb = receivedResponse ? "did not finish sending the page" : "did not answer"
        return TransportError(kind: .timedOut, url: url,
                              message: "\(authority(of: url)) \(verb) within \(formatSeconds(seconds))", detail: detail)
    }

    public static func tooLarge(url: String, limit: Int, detail: String? = nil) -> TransportError {
        TransportError(kind: .tooLarge, url: url,
                       message: "response larger than \(formatBytes(limit)) refused (\(url))", detail: detail)
    }

    /// libcurl refuses a single header line over 100 KB and all headers over 300 KB.
    public static func headersTooLarge(url: String, detail: String? = nil) -> TransportError {
        TransportError(kind: .tooLarge, url: url,
                       message: "\(authority(of: url)) sent response headers too large to read", detail: detail)
    }

    public static func tlsFailure(url: String, detail: String? = nil) -> TransportError {
        TransportError(kind: .tlsFailure, url: url,
                       message: "secure connection to \(authority(of: url)) failed", detail: detail)
    }

    public static func tooManyRedirects(url: String, limit: Int, detail: String? = nil) -> TransportError {
        TransportError(kind: .tooManyRedirects, url: url,
                       message: "\(url) redirected more than \(limit) times", detail: detail)
    }

    public static func unsupportedScheme(url: String, detail: String? = nil) -> TransportError {
        TransportError(kind: .unsupportedScheme, url: url,
                       message: "Penny cannot open \(url): only http, https and file addresses are supported",
                       detail: detail)
    }

    public static func invalidURL(url: String, detail: String? = nil) -> TransportError {
        TransportError(kind: .invalidURL, url: url, message: "not a valid address: \(url)", detail: detail)
    }

    public static func fileNotFound(url: String, detail: String? = nil) -> TransportError {
        TransportError(kind: .fileNotFound, url: url,
                       message: "no such file or it cannot be read: \(url)", detail: detail)
    }

    public static func connectionLost(url: String, detail: String? = nil) -> TransportError {
        TransportError(kind: .connectionLost, url: url,
                       message: "\(authority(of: url)) closed the connection before the page was complete",
                       detail: detail)
    }

    public static func other(url: String, detail: String? = nil) -> TransportError {
        TransportError(kind: .other, url: url, message: "could not load \(url)", detail: detail)
    }
}

extension TransportError {
    /// "host:port" (or just "host") of an absolute URL; the whole string when it has none.
    public static func authority(of url: String) -> String {
        guard let schemeEnd = url.firstRange(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        // Credentials in the URL must not end up on the screen.
        let hostPort = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? authority
        return hostPort.isEmpty ? url : String(hostPort)
    }

    /// The host of an absolute URL, without port.
    static func hostName(of url: String) -> String {
        let hostPort = authority(of: url)
        if hostPort.hasPrefix("["), let close = hostPort.firstIndex(of: "]") {
            return String(hostPort[...close])
        }
        return String(hostPort.split(separator: ":", maxSplits: 1).first ?? Substring(hostPort))
    }

    /// "10 s", "1.5 s".
    static func formatSeconds(_ seconds: Double) -> String {
        let tenths = (seconds * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0
            ? "\(Int(tenths / 10)) s"
            : "\(tenths / 10) s"
    }

    /// "64 MiB", "512 KiB", "100 bytes".
    static func formatBytes(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}
