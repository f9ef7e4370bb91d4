import HTTPModel

extension CurlEasyTransport {
    /// Limits and identity for every request a `CurlEasyTransport` makes.
    public struct Configuration: Sendable, Hashable {
        /// `Penny/<version>`.
        public static let defaultUserAgent = "Penny/0.1.0"

        private var storedUserAgent = Configuration.defaultUserAgent

        /// The User-Agent header. Penny never pretends to be another browser: a value
        /// containing "Mozilla" (any case) is replaced by `defaultUserAgent`.
        public var userAgent: String {
            get { storedUserAgent }
            set { storedUserAgent = Self.honest(newValue) ? newValue : Self.defaultUserAgent }
        }
        /// How long to wait for the connection (TCP and TLS) to be established.
        public var connectTimeout: Duration
        /// How long the whole transfer, redirects included, may take.
        public var timeout: Duration
        /// Bodies larger than this (after decompression) are refused with `tooLarge`.
        public var maximumBodyBytes: Int
        /// Redirects followed before `tooManyRedirects`.
        public var maximumRedirects: Int
        /// A Netscape cookie-jar file that libcurl reads cookies from and writes them back to.
        public var cookieJar: String?

        public init(
            userAgent: String = Configuration.defaultUserAgent,
            connectTimeout: Duration = .seconds(10),
            timeout: Duration = .seconds(60),
            maximumBodyBytes: Int = 64 << 20,
            maximumRedirects: Int = 10,
            cookieJar: String? = nil
        ) {
            self.cookieJar = cookieJar
            self.connectTimeout = connectTimeout
            self.timeout = timeout
            self.maximumBodyBytes = maximumBodyBytes
            self.maximumRedirects = maximumRedirects
            self.userAgent = userAgent
        }

        static func honest(_ userAgent: String) -> Bool {
            !userAgent.lowercased().contains("mozilla")
        }
    }
}

extension Duration {
    /// Whole milliseconds, at least 1 so that a tiny timeout is not read as "no timeout" (0).
    var curlMilliseconds: Int {
        let (seconds, attoseconds) = components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }

    var secondsValue: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
