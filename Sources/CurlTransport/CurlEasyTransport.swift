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
        if let local = try LocalFileReader.response(to: request, maximumBytes: configuration.maximumBodyBytes) {
            return local
        }
        let transfer = try CurlTransfer(request: request, configuration: configuration)
        let code = withExtendedLifetime(transfer) { penny_curl_easy_perform(transfer.handle.raw) }
        return try transfer.outcome(code).get()
    }
}
