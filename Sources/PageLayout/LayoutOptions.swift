/// How to lay a page out.
public struct LayoutOptions: Sendable {
    /// Width in terminal cells (2 to 1000: a wide character needs two).
    public var width: Int
    /// Show link numbers inline, as `[12]text` (dump mode).
    public var numberLinks: Bool
    /// Box-drawing characters, or `+-|` for terminals that lack them.
    public var asciiBorders: Bool
    /// At most this many lines; the rest of a page is cut with a notice.
    public var maximumLines: Int

    public init(width: Int = 80, numberLinks: Bool = false, asciiBorders: Bool = false, maximumLines: Int = 2_000_000) {
        self.width = min(max(width, 2), 1000)
        self.numberLinks = numberLinks
        self.asciiBorders = asciiBorders
        self.maximumLines = maximumLines
    }
}
