import CurlTransport
import HTTPModel
import PageLayout
import PageLoading
import TerminalText
import WebAddress

/// `penny --dump`: fetch one page, print it as text, report the outcome in the exit code.
///
/// A 402 is the caller's to handle (`paymentRequired`, `paymentSummary`): paying and
/// reading offers need the wallet and BigInt, which bring Foundation, and the small
/// `penny` executable leaves them to `penny-full`.
public struct DumpCommand {
    /// What to do with a 402 before it is printed.
    public enum PaymentStep {
        case paid(HTTPResponse)
        /// Not paid; the exit status to use (4 keeps the 402's own).
        case notPaid(Int32)
    }

    public var target: String
    public var width: Int
    public var timeout: Double
    public var output: String?
    public var references: Bool
    /// Extra request headers (`Accept-Payment` when the command may pay).
    public var requestHeaders: [(String, String)] = []
    /// Called with a 402 response before anything is printed.
    public var paymentRequired: (HTTPRequest, HTTPResponse, CurlEasyTransport, PennyPaths?) -> PaymentStep = { _, _, _, _ in
        .notPaid(ExitStatus.paymentRequired)
    }
    /// The standard error lines describing a 402 that was not paid.
    public var paymentSummary: (HTTPResponse) -> [String] = { _ in [] }
    /// Called when `run` is done, before its status is returned (the process exits then).
    public var finished: () -> Void = {}

    public init(target: String, width: Int, timeout: Double, output: String?, references: Bool) {
        self.target = target
        self.width = width
        self.timeout = timeout
        self.output = output
        self.references = references
    }

    public func run() -> Int32 {
        defer { finished() }
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
        for (name, value) in requestHeaders {
            request.headers.add(name, value)
        }
        var response: HTTPResponse
        do {
            response = try transport.perform(request)
        } catch {
            Console.error(TerminalSafe.sanitize(error.description))
            return ExitStatus.loadFailed
        }
        if response.isPaymentRequired {
            switch paymentRequired(request, response, transport, paths) {
            case .paid(let paidResponse):
                response = paidResponse
            case .notPaid(let status):
                if status != ExitStatus.paymentRequired { return status }
            }
        }
        return show(response)
    }

    /// Prints a response the way `run` does once it has it (and saves it with `--output`).
    public func show(_ response: HTTPResponse) -> Int32 {
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
            for line in paymentSummary(response) {
                Console.error(line)
            }
            return ExitStatus.paymentRequired
        }
        let reason = response.reason.isEmpty ? "" : " " + TerminalSafe.sanitize(response.reason)
        Console.error("HTTP \(response.status)\(reason) from \(TerminalSafe.sanitize(response.finalURL))")
        return ExitStatus.httpError
    }
}

/// The exit codes Penny documents.
public enum ExitStatus {
    public static let success: Int32 = 0
    public static let loadFailed: Int32 = 1
    public static let noTerminal: Int32 = 2
    public static let httpError: Int32 = 3
    public static let paymentRequired: Int32 = 4
    public static let binaryNotShown: Int32 = 5
    public static let walletFailed: Int32 = 6
    public static let usage: Int32 = 64
}

/// The defaults and limits of `--width` and `--timeout`.
public enum DumpDefaults {
    public static let width = 80
    public static let widths = 2...1000
    public static let timeout = 60.0
}
