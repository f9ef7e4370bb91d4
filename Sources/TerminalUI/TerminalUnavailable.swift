/// Why the full-screen terminal could not start; the message tells the user what to do instead.
public struct TerminalUnavailable: Error, CustomStringConvertible, Sendable {
    public let message: String

    public init(_ reason: String) {
        message = "\(reason); Penny needs an interactive terminal for its full-screen mode (use --dump to print a page as text)"
    }

    public var description: String { message }
}
