import CCurl
import Glibc
import CPennyShim
import HTTPModel

/// One transfer: a configured easy handle, what it collects, and how its outcome reads.
/// The easy transport runs it with `curl_easy_perform`, the multi fetcher inside a multi handle.
final class CurlTransfer {
    let request: HTTPRequest
    let configuration: CurlEasyTransport.Configuration
    let handle: CurlEasyHandle
    let collector: ResponseCollector

    /// A transfer ready to run; throws when the URL or an option is refused.
    init(request: HTTPRequest, configuration: CurlEasyTransport.Configuration) throws(TransportError) {
        let url = request.url
        let scheme = Self.scheme(of: url)
        guard ["http", "https", "file"].contains(scheme) else {
            throw scheme == nil ? .invalidURL(url: url) : .unsupportedScheme(url: url)
        }
        guard CurlGlobal.isReady else { throw .other(url: url, detail: CurlGlobal.loadError) }
        guard let handle = CurlEasyHandle(url: url) else {
            throw .other(url: url, detail: "libcurl could not create a handle")
        }
        self.request = request
        self.configuration = configuration
        self.handle = handle
        collector = ResponseCollector(maximumBodyBytes: configuration.maximumBodyBytes)
        try configure(handle, for: request, context: Unmanaged.passUnretained(collector).toOpaque())
    }

    /// Bytes of body received so far.
    var received: Int { collector.body.count }

    /// The announced body length, when known (compressed bodies announce their compressed size).
    var expected: Int? {
        guard let header = collector.headers.last(where: { $0.name.lowercased() == "content-length" }),
              let length = Int(header.value), length > 0 else { return nil }
        return length
    }

    /// The cookies the jar held when the transfer was set up, as Netscape lines.
    private var cookiesAtStart: Set<String> = []

    /// The outcome of a finished transfer with libcurl's result code.
    func outcome(_ code: CURLcode) -> Result<HTTPResponse, TransportError> {
        keepCookiesIfChanged()
        guard code == CURLE_OK else {
            return .failure(CurlErrorMapping.error(for: code, request: request, handle: handle,
                                                   collector: collector, configuration: configuration))
        }
        let url = request.url
        let finalURL = handle.string(CURLINFO_EFFECTIVE_URL) ?? url
        var headers = HTTPHeaders(collector.headers)
        var status = handle.long(CURLINFO_RESPONSE_CODE)
        var httpVersion = Self.versionName(handle.long(CURLINFO_HTTP_VERSION))
        if Self.scheme(of: url) == "file" {
            // A file has no status line or headers of its own: it was read, so 200, typed by extension.
            status = 200
            httpVersion = ""
            if !headers.contains("Content-Type") {
                headers.add("Content-Type", FileContentType.forFileURL(finalURL))
            }
        }
        return .success(HTTPResponse(requestedURL: url, finalURL: finalURL, status: status, reason: collector.reason,
                                     httpVersion: httpVersion, headers: headers, body: collector.body))
    }

    /// Has libcurl write the cookie jar when the handle is cleaned up, if this transfer changed
    /// the cookies it holds. libcurl would write it after every transfer, under a random
    /// temporary name whose first use seeds OpenSSL's random generator: about 1.5 ms, as much
    /// as a small page's whole layout.
    private func keepCookiesIfChanged() {
        guard let jar = configuration.cookieJar, handle.cookies() != cookiesAtStart else { return }
        try? handle.set(CURLOPT_COOKIEJAR, jar)
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
        try handle.set(CURLOPT_FOLLOWLOCATION, request.followsRedirects ? 1 : 0)
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

        if let jar = configuration.cookieJar {
            // libcurl's own cookie engine, in the Netscape cookie-jar format curl also reads. The
            // jar is written back only when the transfer changed a cookie (`keepCookiesIfChanged`).
            try handle.set(CURLOPT_COOKIEFILE, jar)
            // Loaded now rather than when the transfer starts, to know what the jar held.
            try handle.set(CURLOPT_COOKIELIST, "RELOAD")
            cookiesAtStart = handle.cookies() ?? []
        }
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
        if name.lowercased() == "user-agent", !CurlEasyTransport.Configuration.honest(value) { return nil }
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
