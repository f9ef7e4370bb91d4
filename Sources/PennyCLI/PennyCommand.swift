import ArgumentParser
import CurlTransport
import Glibc
import TerminalText
import TerminalUI
import HTTPModel
import PageLayout
import PageLoading
import WebAddress
import DemoSite
import PaymentOffers
import PennyDump

/// `penny`: a terminal web browser that understands HTTP 402 Payment Required.
@main
struct PennyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "penny",
        abstract: "A terminal web browser that understands HTTP 402 Payment Required.",
        discussion: """
        Exit codes: 0 done, 1 could not load, 2 no usable terminal, 3 HTTP error status (the \
        error page is still printed), 4 payment required (402) and not paid, 5 binary content \
        not shown, 6 the wallet refused or failed, 64 usage error.
        """,
        version: PennyVersion.current,
        subcommands: [BrowseCommand.self, WalletCommand.self, DemoSiteCommand.self],
        defaultSubcommand: BrowseCommand.self)

    static func main() {
        if let dump = QuickDump(CommandLine.arguments.dropFirst()) {
            var command = dump.command
            command.paymentSummary = PaymentSummary.lines
            BrowseCommand.allowPaying(&command, mode: dump.pay, max: dump.max)
            if let response = FullPenny.handedOverResponse() {
                // `penny` fetched this 402 and left the report to this executable.
                ProcessLocale.setUTF8()
                Glibc.exit(command.show(response))
            }
            QuickDump.run(command)
        }
        main(nil)
    }
}

/// `penny [URL]`, `penny --dump URL`, `penny --demo`.
struct BrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Open a page full screen (the default), or print it with --dump.")

    @Flag(name: .long, help: "Print the rendered page to standard output and exit.")
    var dump = false

    @Flag(name: .long, help: "Start the embedded demo site on 127.0.0.1 and open it.")
    var demo = false

    @Option(name: .long, help: "Width of the rendered page in cells (2 to 1000).")
    var width = DumpDefaults.width

    @Option(name: .long, help: "Give up on a page after this many seconds.")
    var timeout = BrowseCommand.defaultTimeout

    @Option(name: [.short, .long], help: "Save the raw response body to this file.")
    var output: String?

    @Flag(name: .long, help: "Leave out the list of link URLs at the end of a dump.")
    var noReferences = false

    @Option(name: .long, help: "The colour theme (default, light, solarized-dark, high-contrast, monochrome, or one of yours).")
    var theme: String?

    @Option(name: .long, help: "With --dump, what to do with a 402: never (report only), ask, or auto.")
    var pay: PayMode = .never

    @Option(name: .long, help: "With --pay auto, the most to pay, in the offer's asset units (e.g. 0.05).")
    var max: String?

    @Option(name: .long, help: "Record the session as an asciicast v2 file (replay with asciinema play).")
    var record: String?

    @Flag(name: .long, help: "With --record, record the keys pressed too.")
    var recordInput = false

    @Argument(help: "A URL, a host name, or a path to a local file.")
    var target: String?

    static let widths = DumpDefaults.widths
    static let defaultTimeout = DumpDefaults.timeout

    /// With `--pay ask|auto`, the dump announces what Penny can pay and answers a 402 from the wallet.
    static func allowPaying(_ command: inout DumpCommand, mode: PayMode, max: String?) {
        guard mode != .never else { return }
        let warmUp = WalletWarmUp(paths: PennyPaths(environment: ProcessEnvironment.current))
        command.requestHeaders = [(AcceptPayment.headerName, AcceptPayment.headerValue)]
        command.paymentRequired = { request, response, transport, _ in
            DumpPayment(transport: transport, mode: mode, max: max, wallet: warmUp)
                .pay(request: request, response: response)
        }
        command.finished = { warmUp.finish() }
    }

    func validate() throws {
        guard Self.widths.contains(width) else {
            throw ValidationError("--width must be between 2 and 1000, not \(width).")
        }
        guard timeout > 0 else {
            throw ValidationError("--timeout must be more than 0 seconds.")
        }
        if pay == .auto && max == nil {
            throw ValidationError("--pay auto needs --max, the most Penny may pay.")
        }
        if record != nil && dump {
            throw ValidationError("--record records the full-screen browser, not --dump.")
        }
        if pay != .never && !dump {
            throw ValidationError("--pay goes with --dump; the full-screen browser always shows its prompt.")
        }
    }

    func run() throws {
        ProcessLocale.setUTF8()
        // libcurl runs without signals, so a peer closing a socket must not kill Penny.
        signal(SIGPIPE, SIG_IGN)
        guard dump else {
            if let record {
                let status = try SessionRecorder(castPath: record, recordInput: recordInput, arguments: browserArguments()).run()
                if status != 0 { throw ExitCode(status) }
                return
            }
            try browse()
            return
        }
        guard let target else {
            throw ValidationError("--dump needs a URL or a file path.")
        }
        var command = DumpCommand(target: target, width: width, timeout: timeout, output: output, references: !noReferences)
        command.paymentSummary = PaymentSummary.lines
        Self.allowPaying(&command, mode: pay, max: max)
        let status = command.run()
        if status != ExitStatus.success {
            throw ExitCode(status)
        }
    }
}

/// What `--dump` does with a 402.
extension PayMode: ExpressibleByArgument {}

extension BrowseCommand {
    /// This command's arguments without the recording options, for the recorded child.
    func browserArguments() -> [String] {
        var arguments: [String] = []
        if demo { arguments.append("--demo") }
        if let theme { arguments += ["--theme", theme] }
        arguments += ["--timeout", String(timeout)]
        if let target { arguments.append(target) }
        return arguments
    }

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
        var site: RunningDemoSite?
        var notice: String?
        if demo {
            let started = try DemoLauncher.start(settings: settings)
            site = started.site
            startURL = started.site.url
            notice = started.notice
        }
        defer { site?.stopBlocking() }
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal.start(interruptKeyIsInput: true)
        } catch {
            Console.error("\(error)")
            throw ExitCode(ExitStatus.noTerminal)
        }
        BrowserRuntime(terminal: terminal, settings: settings, notice: notice).run(startURL: startURL)
    }
}

/// Penny's version.
enum PennyVersion {
    static let current = "0.1.0"
}
