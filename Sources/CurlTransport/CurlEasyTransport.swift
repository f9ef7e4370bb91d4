import CCurl
import CPennyShim
import HTTPModel

/// The real transport: one libcurl easy handle per request, so one instance may be used
/// from any number of threads at once.
///
/// Follows up to `maximumRedirects` redirects (never to `file:`), decompresses bodies,
/// speaks HTTP/2 over TLS when offered, always verifies certificates, and honours the
/// usual proxy environment variables.
public final class CurlEasyTransport: HTTPTransport {
    public let configuration: Configuration

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    public func perform(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
        let url = request.url
        let scheme = Self.scheme(of: url)
        guard ["http", "https", "file"].contains(scheme) else {
            throw scheme == nil ? .invalidURL(url: url) : .unsupportedScheme(url: url)
        }
        guard CurlGlobal.isReady else { throw .other(url: url, detail: "libcurl could not be initialised") }
        guard let handle = CurlEasyHandle(url: url) else {
            throw .other(url: url, detail: "libcurl could not create a handle")
        }
        let collector = ResponseCollector(maximumBodyBytes: configuration.maximumBodyBytes)
        let context = Unmanaged.passUnretained(collector).toOpaque()
        try configure(handle, for: request, context: context)

        let code = withExtendedLifetime(collector) { curl_easy_perform(handle.raw) }
        guard code == CURLE_OK else {
            throw CurlErrorMapping.error(for: code, request: request, handle: handle,
                                         collector: collector, configuration: configuration)
        }

        let finalURL = handle.string(CURLINFO_EFFECTIVE_URL) ?? url
        var headers = HTTPHeaders(collector.headers)
        var status = handle.long(CURLINFO_RESPONSE_CODE)
        var httpVersion = Self.versionName(handle.long(CURLINFO_HTTP_VERSION))
        if scheme == "file" {
            // A file has no status line or headers of its own: it was read, so 200, typed by extension.
            status = 200
            httpVersion = ""
            if !headers.contains("Content-Type") {
                headers.add("Content-Type", FileContentType.forFileURL(finalURL))
            }
        }
        return HTTPResponse(requestedURL: url, finalURL: finalURL, status: status, reason: collector.reason,
                            httpVersion: httpVersion, headers: headers, body: collector.body)
    }

    private func configure(_ handle: CurlEasyHandle, for request: HTTPRequest,
                           context: UnsafeMutableRawPointer) throws(TransportError) {
        try handle.set(CURLOPT_URL, request.url)
        // Without this libcurl may use SIGALRM to time out DNS lookups, which is unsafe when
        // several threads transfer at once; Debian's threaded resolver needs no signals.
        try handle.set(CURLOPT_NOSIGNAL, 1)
        try handle.set(CURLOPT_PROTOCOLS_STR, "http,https,file")
        // A web page must never be able to send us to the reader's own files.
        try handle.set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        try handle.set(CURLOPT_FOLLOWLOCATION, 1)
        try handle.set(CURLOPT_MAXREDIRS, configuration.maximumRedirects)
        try handle.set(CURLOPT_ACCEPT_ENCODING, "")  // every encoding libcurl can decode
        try handle.set(CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_2TLS)
        try handle.set(CURLOPT_SSL_VERIFYPEER, 1)
        try handle.set(CURLOPT_SSL_VERIFYHOST, 2)
        try handle.set(CURLOPT_USERAGENT, configuration.userAgent)
        try handle.set(CURLOPT_CONNECTTIMEOUT_MS, configuration.connectTimeout.curlMilliseconds)
        try handle.set(CURLOPT_TIMEOUT_MS, configuration.timeout.curlMilliseconds)
        // Refuses a declared Content-Length over the limit before any byte of body arrives;
        // the write callback catches bodies of unannounced size.
        try handle.set(CURLOPT_MAXFILESIZE_LARGE, offset: Int64(configuration.maximumBodyBytes))

        try handle.set(CURLOPT_WRITEFUNCTION, callback: Self.writeBody)
        try handle.set(CURLOPT_WRITEDATA, pointer: context)
        try handle.set(CURLOPT_HEADERFUNCTION, callback: Self.writeHeader)
        try handle.set(CURLOPT_HEADERDATA, pointer: context)

        var headerLines = request.headers.compactMap(Self.headerLine)
        switch request.method {
        case .get:
            try handle.set(CURLOPT_HTTPGET, 1)
        case .head:
            try handle.set(CURLOPT_NOBODY, 1)
        case .post:
            let body = request.body ?? []
            try handle.set(CURLOPT_POSTFIELDSIZE_LARGE, offset: Int64(body.count))
            try handle.set(CURLOPT_COPYPOSTFIELDS, copying: body)
            if !request.headers.contains("Content-Type") {
                headerLines.append("Content-Type: \(FormURLEncoding.contentType)")
            }
        }
        if !headerLines.isEmpty {
            try handle.setHeaderLines(headerLines)
        }
    }

    /// A request header as a libcurl header line, or nil when Penny will not send it.
    private static func headerLine(_ header: HTTPHeader) -> String? {
        // CR or LF inside a header would let a value smuggle in extra headers.
        let name = header.name.filter { $0 != "\r" && $0 != "\n" && $0 != "\r\n" && $0 != ":" }
        let value = String(header.value.map { $0 == "\r" || $0 == "\n" || $0 == "\r\n" ? " " : $0 })
        guard !name.isEmpty else { return nil }
        if name.lowercased() == "user-agent", !Configuration.honest(value) { return nil }
        // "Name:" alone would make libcurl drop the header; "Name;" sends it empty.
        return value.isEmpty ? "\(name);" : "\(name): \(value)"
    }

    private static let writeBody: CurlDataCallback = { data, size, count, context in
        guard let context else { return 0 }
        let collector = Unmanaged<ResponseCollector>.fromOpaque(context).takeUnretainedValue()
        let length = size * count
        // Returning fewer bytes than given makes libcurl abort with CURLE_WRITE_ERROR.
        return collector.receiveBody(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
    }

    private static let writeHeader: CurlDataCallback = { data, size, count, context in
        guard let context else { return 0 }
        let collector = Unmanaged<ResponseCollector>.fromOpaque(context).takeUnretainedValue()
        let length = size * count
        collector.receiveHeaderLine(UnsafeRawBufferPointer(start: data, count: length))
        return length
    }

    /// The lower-cased scheme, or nil when the string has none.
    static func scheme(of url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let scheme = url[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        return scheme.lowercased()
    }

    private static func versionName(_ version: Int) -> String {
        switch version {
        case CURL_HTTP_VERSION_1_0: "HTTP/1.0"
        case CURL_HTTP_VERSION_1_1: "HTTP/1.1"
        case CURL_HTTP_VERSION_2_0: "HTTP/2"
        case CURL_HTTP_VERSION_3: "HTTP/3"
        default: ""
        }
    }
}
