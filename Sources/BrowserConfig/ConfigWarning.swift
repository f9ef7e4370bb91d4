/// A problem in the config file that made Penny use a default instead.
public struct ConfigWarning: Hashable, Sendable, CustomStringConvertible {
    /// The config file's path.
    public var file: String
    /// The 1-based line the problem is on, when known.
    public var line: Int?
    /// What is wrong, for a person to read.
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`, or `file: message` when the line is unknown.
    public var description: String {
        line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    }
}
