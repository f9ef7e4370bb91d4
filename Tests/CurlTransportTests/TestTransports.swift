import CurlTransport
import HTTPModel

/// A transport with short limits, so failing tests fail fast.
func quickTransport(
    timeout: Duration = .seconds(5),
    maximumBodyBytes: Int = 64 << 20,
    userAgent: String = CurlEasyTransport.Configuration.defaultUserAgent
) -> CurlEasyTransport {
    CurlEasyTransport(configuration: .init(
        userAgent: userAgent, connectTimeout: .seconds(2), timeout: timeout, maximumBodyBytes: maximumBodyBytes))
}

/// The error `body` throws, when it is a `TransportError`.
func transportError(_ body: () throws -> HTTPResponse) -> TransportError? {
    do {
        _ = try body()
        return nil
    } catch let error as TransportError {
        return error
    } catch {
        return nil
    }
}

extension HTTPResponse {
    var text: String { String(decoding: body, as: UTF8.self) }
}
