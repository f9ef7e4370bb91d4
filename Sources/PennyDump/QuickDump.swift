import Glibc
import HTTPModel

/// `penny --dump [--width N] [--no-references] [--timeout S] [--pay MODE] [--max AMOUNT] TARGET`,
/// the command scripts, agents and benchmarks run most, read without swift-argument-parser:
/// building its command tree costs a few milliseconds of runtime type lookups at every
/// start, as much as the rest of a small dump.
/// Any other command line, including every mistake, goes to the full parser, which words
/// the errors and the help.
public struct QuickDump {
    public var width = DumpDefaults.width
    public var references = true
    public var timeout = DumpDefaults.timeout
    /// `--pay`: only `penny-full` pays; the small `penny` hands such a command line over whole.
    public var pay = PayMode.never
    public var max: String?
    public var target: String

    /// The dump this command line asks for, or nil when it is anything else.
    public init?(_ arguments: some Sequence<String>) {
        var dump = false
        var target: String?
        var seen: Set<String> = []
        var iterator = arguments.makeIterator()
        /// The value of an option given once, as `--name value` or `--name=value`; nil sends the
        /// command line to the full parser.
        func value(_ name: String, _ argument: String) -> String? {
            guard seen.insert(name).inserted else { return nil }
            let value = argument == name ? iterator.next() : String(argument.dropFirst(name.count + 1))
            guard let value, !value.isEmpty, !value.hasPrefix("-") else { return nil }
            return value
        }
        while let argument = iterator.next() {
            let name = argument.hasPrefix("--") ? String(argument.prefix { $0 != "=" }) : argument
            switch name {
            case "--timeout":
                guard let text = value(name, argument), let seconds = Double(text), seconds > 0 else { return nil }
                timeout = seconds
            case "--pay":
                guard let text = value(name, argument), let mode = PayMode(rawValue: text) else { return nil }
                pay = mode
            case "--max":
                guard let amount = value(name, argument) else { return nil }
                max = amount
            case "--width":
                guard let text = value(name, argument), let width = Self.width(text) else { return nil }
                self.width = width
            case "--dump" where !dump && argument == name:
                dump = true
            case "--no-references" where references && argument == name:
                references = false
            case _ where !argument.hasPrefix("-") && target == nil && !argument.isEmpty:
                target = argument
            default:
                return nil
            }
        }
        guard dump, let target,
              // A first word naming a subcommand is for the full parser.
              !["browse", "wallet", "demo-site", "help"].contains(target),
              // As `BrowseCommand.validate` requires; its error message is the full parser's to give.
              pay != .auto || max != nil else { return nil }
        self.target = target
    }

    private static func width(_ text: String) -> Int? {
        guard let width = Int(text), DumpDefaults.widths.contains(width) else { return nil }
        return width
    }

    /// The dump as `penny --dump` runs it, without paying (`penny-full` adds that for `--pay`).
    public var command: DumpCommand {
        DumpCommand(target: target, width: width, timeout: timeout, output: nil, references: references)
    }

    /// Runs a dump command as `BrowseCommand.run` would and exits with its status.
    public static func run(_ command: DumpCommand) -> Never {
        ProcessLocale.setUTF8()
        signal(SIGPIPE, SIG_IGN)
        exit(command.run())
    }
}

/// `--pay`: what `penny --dump` does with a 402.
public enum PayMode: String, CaseIterable, Sendable {
    /// Report the offers only (the default).
    case never
    /// Ask on the terminal.
    case ask
    /// Pay the cheapest payable offer within `--max`.
    case auto
}
