import ArgumentParser
import CurlTransport
import Glibc
import TerminalText
import TerminalUI
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
        Without --dump Penny runs full screen (F1 lists the keys). Exit codes: 0 done, \
        1 could not load, 2 no usable terminal, 3 HTTP error status (the error page is still \
        printed), 4 payment required (402), 5 binary content not shown, 64 usage error.
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

    @Option(name: .long, help: "The colour theme (default, light, solarized-dark, high-contrast, monochrome, or one of yours).")
    var theme: String?

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
            try browse()
            return
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

extension PennyCommand {
    /// Runs the full-screen browser.
    func browse() throws {
        let settings = Settings.load(themeOverride: theme)
        var startURL = target ?? settings.config.homePage
        if let target {
            guard let url = UserInput.url(from: target, currentDirectory: LocalFiles.currentDirectory,
                                          fileExists: LocalFiles.exists) else {
                throw ValidationError("cannot read \"\(TerminalSafe.sanitize(target))\" as a URL or a file path.")
            }
            startURL = url.description
        }
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal.start()
        } catch {
            Console.error("\(error)")
            throw ExitCode(ExitStatus.noTerminal)
        }
        BrowserRuntime(terminal: terminal, settings: settings).run(startURL: startURL)
    }
}

/// The exit codes Penny documents.
enum ExitStatus {
    static let success: Int32 = 0
    static let loadFailed: Int32 = 1
    static let noTerminal: Int32 = 2
    static let httpError: Int32 = 3
    static let paymentRequired: Int32 = 4
    static let binaryNotShown: Int32 = 5
    static let usage: Int32 = 64
}

/// Penny's version.
enum PennyVersion {
    static let current = "0.1.0"
}
