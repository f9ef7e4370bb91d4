import Glibc

/// `penny --dump [--width N] [--no-references] TARGET`, the command scripts and benchmarks
/// run most, read without swift-argument-parser: building its command tree costs a few
/// milliseconds of runtime type lookups at every start, as much as the rest of a small dump.
/// Any other command line, including every mistake, goes to the full parser, which words
/// the errors and the help.
struct QuickDump {
    var width = BrowseCommand.defaultWidth
    var references = true
    var target: String

    /// The dump this command line asks for, or nil when it is anything else.
    init?(_ arguments: some Sequence<String>) {
        var dump = false
        var target: String?
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--dump" where !dump:
                dump = true
            case "--no-references" where references:
                references = false
            case "--width":
                guard let value = iterator.next(), let width = Self.width(value) else { return nil }
                self.width = width
            case _ where argument.hasPrefix("--width="):
                guard let width = Self.width(String(argument.dropFirst(8))) else { return nil }
                self.width = width
            case _ where !argument.hasPrefix("-") && target == nil && !argument.isEmpty:
                target = argument
            default:
                return nil
            }
        }
        guard dump, let target,
              // A first word naming a subcommand is for the full parser.
              !["browse", "wallet", "demo-site", "help"].contains(target) else { return nil }
        self.target = target
    }

    private static func width(_ text: String) -> Int? {
        guard let width = Int(text), BrowseCommand.widths.contains(width) else { return nil }
        return width
    }

    /// Runs the dump as `BrowseCommand.run` would and exits with its status.
    func run() -> Never {
        ProcessLocale.setUTF8()
        signal(SIGPIPE, SIG_IGN)
        let status = DumpCommand(target: target, width: width, timeout: BrowseCommand.defaultTimeout, output: nil,
                                 references: references, pay: .never, max: nil).run()
        exit(status)
    }
}
