/// A problem with a theme: a broken theme file, or a theme that does not exist.
public struct ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The theme file's path, or a label such as `default.toml (built-in)`; nil when no file is involved.
    public var file: String?
    /// The 1-based line in `file` the problem is on, when known.
    public var line: Int?
    /// What is wrong, for a person to read.
    public var message: String

    public init(file: String?, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`, leaving out what is unknown.
    public var description: String {
        switch (file, line) {
        case let (file?, line?): "\(file):\(line): \(message)"
        case let (file?, nil): "\(file): \(message)"
        default: message
        }
    }
}
