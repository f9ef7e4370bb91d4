import CurlTransport
import HTTPModel
import PageLayout
import PageLoading
import TerminalText
import WebAddress
import BrowserConfig
import PaymentOffers

/// `penny --dump`: fetch one page, print it as text, report the outcome in the exit code.
struct DumpCommand {
    var target: String
    var width: Int
    var timeout: Double
    var output: String?
    var references: Bool
    var pay: PayMode = .never
    var max: String?

    func run() -> Int32 {
        guard let url = UserInput.url(from: target, currentDirectory: LocalFiles.currentDirectory,
                                      fileExists: LocalFiles.exists) else {
            Console.error("cannot read \"\(TerminalSafe.sanitize(target))\" as a URL or a file path.")
            return ExitStatus.usage
        }
        let paths = PennyPaths(environment: ProcessEnvironment.current)
        // The folder holds the cookie jar and the wallet: a local file needs neither.
        if url.scheme != "file", let folder = paths?.dataFolder { LocalFiles.makeFolder(folder) }
        let transport = CurlEasyTransport(configuration: .init(timeout: .milliseconds(Int(timeout * 1000)),
                                                               cookieJar: paths?.cookieJar))
        var request = HTTPRequest(url: url.description)
        if pay != .never {
            request.headers.add(AcceptPayment.headerName, AcceptPayment.headerValue)
        }
        var response: HTTPResponse
        do {
            response = try transport.perform(request)
        } catch {
            Console.error(TerminalSafe.sanitize(error.description))
            return ExitStatus.loadFailed
        }
        if response.isPaymentRequired && pay != .never {
            switch DumpPayment(paths: paths, transport: transport, mode: pay, max: max).pay(request: request, response: response) {
            case .paid(let paidResponse):
                response = paidResponse
            case .notPaid(let status):
                if status != ExitStatus.paymentRequired { return status }
            }
        }
        if let output {
            guard LocalFiles.write(response.body, to: output) else {
                Console.error("could not write \(TerminalSafe.sanitize(output)).")
                return ExitStatus.loadFailed
            }
        }
        let options = LayoutOptions(width: width, numberLinks: true)
        switch PageLoader().content(of: response, options: options) {
        case .binary(let mediaType, let size):
            if output == nil {
                Console.error("not shown: \(TerminalSafe.sanitize(mediaType)), \(size) bytes; save it with --output FILE.")
                return ExitStatus.binaryNotShown
            }
        case .page(let page):
            Console.write(page.dumpText(references: references))
        }
        return status(of: response)
    }

    private func status(of response: HTTPResponse) -> Int32 {
        if response.isSuccess || response.finalURL.hasPrefix("file:") {
            return ExitStatus.success
        }
        if response.isPaymentRequired {
            for line in PaymentSummary.lines(for: response) {
                Console.error(line)
            }
            return ExitStatus.paymentRequired
        }
        let reason = response.reason.isEmpty ? "" : " " + TerminalSafe.sanitize(response.reason)
        Console.error("HTTP \(response.status)\(reason) from \(TerminalSafe.sanitize(response.finalURL))")
        return ExitStatus.httpError
    }
}
