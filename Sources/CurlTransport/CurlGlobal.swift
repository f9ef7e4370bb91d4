import CCurl

/// The result of libcurl's process-wide setup.
///
/// A global constant is initialised lazily, exactly once, and thread-safely by the Swift
/// runtime, which is what `curl_global_init` needs: it must not run twice or concurrently.
private let globalInitCode: CURLcode = curl_global_init(Int(CURL_GLOBAL_ALL))

/// libcurl's one-time global initialisation.
enum CurlGlobal {
    /// Initialises libcurl on first call; false when that failed.
    static var isReady: Bool { globalInitCode == CURLE_OK }
}
