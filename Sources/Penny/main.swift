import PennyDump

// `penny`: the plain `--dump` in a small executable (no Foundation, wallet, terminal UI,
// demo site or argument parser, so a dump starts in less memory than w3m's); every other
// command line (`--pay` included, so that paying is one process), and a 402 to report, goes
// to `penny-full` next to it.
if let dump = QuickDump(CommandLine.arguments.dropFirst()), dump.pay == .never {
    var command = dump.command
    command.paymentRequired = { _, response, _, _ in FullPenny.exec(handingOver: response) }
    QuickDump.run(command)
}
FullPenny.exec()
