import ArgumentParser
import CurlTransport
import Glibc
import HTTPModel
import PageLayout
import PageLoading
import WebAddress

/// `penny`: a terminal web browser that understands HTTP 402 Payment Required.
@main
struct PennyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "penny",
        abstract: "A terminal web browser that understands HTTP 402 Payment Required.",
        discussion: """
        Exit codes with --dump: 0 page shown (2xx), 1 could not load, 3 HTTP error status \
        (the error page is still printed), 4 payment required (402), 5 binary content not shown, \
        64 usage error.
        """,
        version: PennyVersion.current)

    @Flag(name: .long, help: "Print the rendered page to standard output and exit.")
    var dump = false

    @Option(name: .long, help: "Width of the rendered page in cells (2 to 1000).")
    var width = 80

    @Option(name: .long, help: "Give up on a page after this many seconds.")
    var timeout = 60.0

    @Option(name: [.short, .long], help: "Save the raw response body to this file.")
    var output: String?

    @Flag(name: .long, help: "Leave out the list of link URLs at the end of a dump.")
    var noReferences = false

    @Argument(help: "A URL, a host name, or a path to a local file.")
    var target: String?

    func validate() throws {
        guard (2...1000).contains(width) else {
            throw ValidationError("--width must be between 2 and 1000, not \(width).")
        }
        guard timeout > 0 else {
            throw ValidationError("--timeout must be more than 0 seconds.")
        }
    }

    func run() throws {
        ProcessLocale.setUTF8()
        // libcurl runs without signals, so a peer closing a socket must not kill Penny.
        signal(SIGPIPE, SIG_IGN)
        guard dump else {
            Console.error("the full-screen browser is not built yet; use `penny --dump URL` to print a page.")
            throw ExitCode(ExitStatus.usage)
        }
        guard let target else {
            throw ValidationError("--dump needs a URL or a file path.")
        }
        let status = DumpCommand(target: target, width: width, timeout: timeout, output: output,
                                 references: !noReferences).run()
        if status != ExitStatus.success {
            throw ExitCode(status)
        }
    }
}

/// The exit codes Penny documents.
enum ExitStatus {
    static let success: Int32 = 0
    static let loadFailed: Int32 = 1
    static let httpError: Int32 = 3
    static let paymentRequired: Int32 = 4
    static let binaryNotShown: Int32 = 5
    static let usage: Int32 = 64
}

/// Penny's version.
enum PennyVersion {
    static let current = "0.1.0"
}
