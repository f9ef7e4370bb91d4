/// The settings in `config.toml`, each with its default.
public struct Config: Hashable, Sendable {
    /// How long the browser waits for the network.
    public struct Timeouts: Hashable, Sendable {
        /// To connect to a server.
        public var connect: Duration
        /// For a whole page to arrive.
        public var page: Duration

        public init(connect: Duration = .seconds(10), page: Duration = .seconds(60)) {
            self.connect = connect
            self.page = page
        }
    }

    /// Limits on payments, in each offer's own asset units ("0.50" is half a USDC).
    public struct Payments: Hashable, Sendable {
        /// No single payment above this, even inside an allowance.
        public var maxPerPayment: String?
        /// No more than this in one day per asset.
        public var dailyCap: String?
        /// Payee addresses that are never paid (lower-cased).
        public var blockedPayees: [String]

        public init(maxPerPayment: String? = nil, dailyCap: String? = nil, blockedPayees: [String] = []) {
            self.maxPerPayment = maxPerPayment
            self.dailyCap = dailyCap
            self.blockedPayees = blockedPayees
        }
    }

    /// The page to open when no URL is given; nil for the built-in start page.
    public var homePage: String?
    /// The theme's name; `--theme` overrides it.
    public var theme: String
    public var timeouts: Timeouts
    /// Canonical key name (`KeyName.description`) → action: `KeyBindings.defaults` with
    /// the config file's changes.
    public var keys: [String: BrowserAction]
    public var payments = Payments()

    public init(homePage: String? = nil, theme: String = "default", timeouts: Timeouts = Timeouts(),
                keys: [String: BrowserAction] = KeyBindings.defaults) {
        self.homePage = homePage
        self.theme = theme
        self.timeouts = timeouts
        self.keys = keys
    }
}
