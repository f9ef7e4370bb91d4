import CCurl
import HTTPModel

/// Turns a failed transfer's `CURLcode` into a `TransportError` a reader can act on.
enum CurlErrorMapping {
    static func error(for code: CURLcode, request: HTTPRequest, handle: CurlEasyHandle,
                      collector: ResponseCollector, configuration: CurlEasyTransport.Configuration) -> TransportError {
        let url = request.url
        // The URL being fetched when it failed: after a redirect, the one that failed.
        let currentURL = handle.string(CURLINFO_EFFECTIVE_URL) ?? url
        let curlText = handle.errorText(for: code)

        // libcurl refuses too many headers ("Too large response headers: N > 307200") and a
        // header line over 100 KB, which it reports as CURLE_OUT_OF_MEMORY with no other words.
        if curlText.contains("response headers") {
            return .headersTooLarge(url: currentURL, detail: curlText)
        }
        if code == CURLE_OUT_OF_MEMORY && collector.body.isEmpty {
            return .headersTooLarge(url: currentURL, detail: "a header line over 100 KB")
        }

        switch code {
        case CURLE_FILESIZE_EXCEEDED:
            return .tooLarge(url: url, limit: configuration.maximumBodyBytes)

        case CURLE_WRITE_ERROR where collector.bodyTooLarge:
            return .tooLarge(url: url, limit: configuration.maximumBodyBytes)

        case CURLE_OPERATION_TIMEDOUT:
            let connected = handle.offset(CURLINFO_CONNECT_TIME_T) > 0
            // Before the connection exists, whichever of the two limits is shorter fired.
            let seconds = connected
                ? configuration.timeout.secondsValue
                : min(configuration.connectTimeout.secondsValue, configuration.timeout.secondsValue)
            return .timedOut(url: currentURL, after: seconds, receivedResponse: collector.sawStatusLine)

        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return .couldNotResolveHost(url: currentURL, detail: curlText)

        case CURLE_COULDNT_CONNECT:
            return .couldNotConnect(url: currentURL, detail: curlText)

        case CURLE_TOO_MANY_REDIRECTS:
            return .tooManyRedirects(url: url, limit: configuration.maximumRedirects)

        case CURLE_UNSUPPORTED_PROTOCOL:
            // The request's own scheme was checked before, so this is a redirect elsewhere
            // (libcurl has already moved its effective URL to the refused target).
            let target = handle.string(CURLINFO_REDIRECT_URL) ?? currentURL
            guard target != url else { return .unsupportedScheme(url: url, detail: curlText) }
            return TransportError(kind: .unsupportedScheme, url: url,
                                  message: "\(url) redirects to \(target), which Penny does not follow",
                                  detail: curlText)

        case CURLE_URL_MALFORMAT:
            return .invalidURL(url: currentURL, detail: curlText)

        case CURLE_FILE_COULDNT_READ_FILE:
            return .fileNotFound(url: url, detail: curlText)

        case CURLE_PARTIAL_FILE, CURLE_GOT_NOTHING, CURLE_RECV_ERROR, CURLE_SEND_ERROR,
             CURLE_HTTP2, CURLE_HTTP2_STREAM:
            return .connectionLost(url: currentURL, detail: curlText)

        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
             CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_CRL_BADFILE,
             CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_SHUTDOWN_FAILED,
             CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ENGINE_INITFAILED,
             CURLE_USE_SSL_FAILED, CURLE_SSL_CLIENTCERT:
            return .tlsFailure(url: currentURL, detail: curlText)

        default:
            return .other(url: currentURL, detail: curlText)
        }
    }
}
