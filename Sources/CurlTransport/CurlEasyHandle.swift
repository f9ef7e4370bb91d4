import CCurl
import CPennyShim
import HTTPModel

/// One libcurl easy handle with what must outlive a transfer: header list and error buffer.
///
/// Not Sendable: a handle belongs to the one `perform` call that created it.
final class CurlEasyHandle {
    let raw: UnsafeMutableRawPointer
    /// Where libcurl writes a readable sentence about a failure.
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let url: String

    /// A fresh handle for a transfer of `url` (the URL only words errors); nil if libcurl fails.
    init?(url: String) {
        guard let raw = penny_curl_easy_init() else { return nil }
        self.raw = raw
        self.url = url
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        penny_curl_setopt_pointer(raw, CURLOPT_ERRORBUFFER, errorBuffer)
    }

    deinit {
        penny_curl_easy_cleanup(raw)
        penny_curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// libcurl's own words about the last failure, or its generic text for `code`.
    func errorText(for code: CURLcode) -> String {
        let buffered = String(cString: errorBuffer)
        if !buffered.isEmpty { return buffered }
        return penny_curl_easy_strerror(code).map { String(cString: $0) } ?? "curl error \(code.rawValue)"
    }

    // Every option is checked: silently ignoring a failed protocol restriction would be a hole.

    func set(_ option: CURLoption, _ value: Int) throws(TransportError) {
        try check(penny_curl_setopt_long(raw, option, value), option)
    }

    func set(_ option: CURLoption, offset value: Int64) throws(TransportError) {
        try check(penny_curl_setopt_off(raw, option, curl_off_t(value)), option)
    }

    /// libcurl copies string options (all but `CURLOPT_POSTFIELDS`), so a temporary C string is fine.
    func set(_ option: CURLoption, _ value: String) throws(TransportError) {
        try check(value.withCString { penny_curl_setopt_string(raw, option, $0) }, option)
    }

    func set(_ option: CURLoption, pointer value: UnsafeMutableRawPointer?) throws(TransportError) {
        try check(penny_curl_setopt_pointer(raw, option, value), option)
    }

    /// For `CURLOPT_COPYPOSTFIELDS`: libcurl keeps its own copy, so `bytes` need not outlive the call.
    func set(_ option: CURLoption, copying bytes: [UInt8]) throws(TransportError) {
        // An empty array may have no storage at all, and libcurl needs a real pointer even for 0 bytes.
        let storage = bytes.isEmpty ? [0] : bytes
        let code = storage.withUnsafeBytes { buffer in
            penny_curl_setopt_pointer(raw, option, UnsafeMutableRawPointer(mutating: buffer.baseAddress))
        }
        try check(code, option)
    }

    func set(_ option: CURLoption, callback: CurlDataCallback) throws(TransportError) {
        try check(penny_curl_setopt_write_callback(raw, option, callback), option)
    }

    /// Sends these header lines with the request (replacing curl's own of the same name).
    func setHeaderLines(_ lines: [String]) throws(TransportError) {
        for line in lines {
            guard let appended = penny_curl_slist_append(headerList, line) else {
                throw .other(url: url, detail: "out of memory building request headers")
            }
            headerList = appended
        }
        try set(CURLOPT_HTTPHEADER, pointer: UnsafeMutableRawPointer(headerList))
    }

    func long(_ info: CURLINFO) -> Int {
        var value = 0
        return penny_curl_getinfo_long(raw, info, &value) == CURLE_OK ? value : 0
    }

    func offset(_ info: CURLINFO) -> Int64 {
        var value: curl_off_t = 0
        return penny_curl_getinfo_off(raw, info, &value) == CURLE_OK ? Int64(value) : 0
    }

    func string(_ info: CURLINFO) -> String? {
        var value: UnsafePointer<CChar>?
        guard penny_curl_getinfo_string(raw, info, &value) == CURLE_OK, let value else { return nil }
        return String(cString: value)
    }

    /// Every cookie the handle knows, as Netscape cookie-jar lines; nil when libcurl cannot say.
    func cookies() -> Set<String>? {
        var list: UnsafeMutableRawPointer?
        guard penny_curl_getinfo_pointer(raw, CURLINFO_COOKIELIST, &list) == CURLE_OK else { return nil }
        let first = list?.assumingMemoryBound(to: curl_slist.self)
        defer { penny_curl_slist_free_all(first) }
        var lines: Set<String> = []
        var item = first
        while let entry = item {
            if let text = entry.pointee.data { lines.insert(String(cString: text)) }
            item = entry.pointee.next
        }
        return lines
    }

    private func check(_ code: CURLcode, _ option: CURLoption) throws(TransportError) {
        guard code == CURLE_OK else {
            throw .other(url: url, detail: "libcurl refused option \(option.rawValue): \(errorText(for: code))")
        }
    }
}

/// The C type of libcurl's write and header callbacks.
typealias CurlDataCallback = @convention(c) (
    UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?
) -> Int
