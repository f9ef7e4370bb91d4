/// Why the demo site could not start.
public struct DemoSiteError: Error, Sendable, Hashable, CustomStringConvertible {
    public let description: String

    init(_ description: String) { self.description = description }
}
