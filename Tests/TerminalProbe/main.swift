// A tiny full-screen program for the pseudo-terminal tests: paints styled text through
// NcursesTerminal and shows the last input event it decoded.
//
//   --crash   raise SIGTERM after the first frame (the restoring signal path)
//   --nohup   ignore SIGHUP, so a hang-up arrives as end of input
//   --palette paint every pair of the first 16 colours (more pairs than an 8-colour xterm has)
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TerminalUI

setlocale(LC_ALL, "")
let options = Set(CommandLine.arguments.dropFirst())
if options.contains("--nohup") {
    signal(SIGHUP, SIG_IGN)
}

let terminal: NcursesTerminal
do {
    terminal = try NcursesTerminal.start()
} catch {
    let message = "TerminalProbe: \(error)\n"
    _ = message.withCString { write(STDERR_FILENO, $0, strlen($0)) }
    exit(2)
}

var state = ProbeState(size: terminal.size, colorSupport: terminal.colorSupport)
state.showsPalette = options.contains("--palette")
terminal.paint(state.grid())
if options.contains("--crash") {
    raise(SIGTERM)
}

var running = true
while running {
    var descriptor = pollfd(fd: terminal.inputFileDescriptor, events: Int16(POLLIN), revents: 0)
    _ = poll(&descriptor, 1, 1000)
    let events = terminal.readEvents()
    for event in events where running {
        running = state.handle(event)
    }
    if running && (!events.isEmpty || terminal.needsFullRepaint) {
        terminal.paint(state.grid())
    }
}
terminal.stop()
exit(0)
