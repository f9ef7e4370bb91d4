/// Why a pseudo-terminal session failed; timeouts carry the whole screen and recent output.
public enum PseudoTerminalError: Error, CustomStringConvertible {
    case cannotStart(String)
    case executableNotFound(name: String, searched: [String])
    case timedOut(String)
    /// A checkpoint's screen is not its stored snapshot (or there is none).
    case screenMismatch(String)

    public var description: String {
        switch self {
        case .cannotStart(let reason): "Cannot start the program: \(reason)"
        case .executableNotFound(let name, let searched):
            "No executable named \(name) in: \(searched.joined(separator: ", ")) (build it first)"
        case .timedOut(let report), .screenMismatch(let report): report
        }
    }
}
