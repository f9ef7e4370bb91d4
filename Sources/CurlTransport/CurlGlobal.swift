import CPennyShim

/// Whether libcurl is loaded and initialised: done on first use, exactly once and
/// thread-safely (pthread_once in the shim), because `curl_global_init` must not run twice
/// or concurrently. Penny does not link libcurl: see penny_curl_loader.c.
enum CurlGlobal {
    /// Loads libcurl on first call; false when that failed (`loadError` says why).
    static var isReady: Bool { penny_curl_load() == 1 }

    /// Why libcurl could not be loaded.
    static var loadError: String { String(cString: penny_curl_load_error()) }
}
