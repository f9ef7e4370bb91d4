import EVMSigning
import FoundationEssentials

/// The Penny Post: Penny's embedded demo site, a small magazine about paying for the web
/// whose articles answer with every kind of HTTP 402 (see `articles`), served with
/// Hummingbird on 127.0.0.1 only.
///
/// From async code:
/// ```
/// let site = try await DemoSite.start(databasePath: path)
/// // site.url is "http://127.0.0.1:PORT/"
/// await site.stop()
/// ```
/// From the browser's synchronous main loop: `DemoSite.startBlocking(...)` and
/// `site.stopBlocking()`. Alone until SIGINT or SIGTERM (`penny demo-site`):
/// `DemoSite.runUntilSignalledBlocking(...)`.
///
/// The payee key: `payeeKey` when given; otherwise, with a database, the key in
/// `<databasePath>.payee-key` (created with mode 0600 on first start, reused after); with
/// neither, a key generated for this run only. The ledger: SQLite at `databasePath`
/// (WAL), or in memory when it is nil.
public enum DemoSite {
    /// Everything `start` can be told.
    public struct Options: Sendable {
        /// 0 picks a free port.
        public var port: Int
        /// The SQLite ledger; nil keeps it in memory.
        public var databasePath: String?
        /// The key payments go to; see `DemoSite` for the default.
        public var payeeKey: PrivateKey?
        /// The site's clock (tests move it to expire challenges).
        public var clock: @Sendable () -> Date
        /// Called once per request with "GET /path 402", from the server's threads.
        public var requestLog: (@Sendable (String) -> Void)?

        public init(port: Int = 0, databasePath: String? = nil, payeeKey: PrivateKey? = nil,
                    clock: @escaping @Sendable () -> Date = { Date() },
                    requestLog: (@Sendable (String) -> Void)? = nil) {
            self.port = port
            self.databasePath = databasePath
            self.payeeKey = payeeKey
            self.clock = clock
            self.requestLog = requestLog
        }
    }

    /// The site's articles and endpoints, and which kind of 402 each answers with.
    public static var articles: [DemoArticle] {
        Catalog.articles.map(DemoArticle.init) + [DemoArticle(
            path: Catalog.featuredSummaryPath, title: "The summaries API",
            kind: Catalog.summariesKind,
            priceBaseUnits: nil, protocols: [])]
    }

    /// Starts the site and returns once it is listening on 127.0.0.1.
    public static func start(port: Int = 0, databasePath: String?, payeeKey: PrivateKey? = nil) async throws -> RunningDemoSite {
        try await start(Options(port: port, databasePath: databasePath, payeeKey: payeeKey))
    }

    /// Starts the site with every option; returns once it is listening.
    public static func start(_ options: Options) async throws -> RunningDemoSite {
        try await start(options, shutdownOnSignals: false)
    }

    /// `start` for a caller that is not async: the server runs on its own threads and this
    /// returns once it is listening. Do not call from the site's own request handling.
    public static func startBlocking(port: Int = 0, databasePath: String?, payeeKey: PrivateKey? = nil) throws -> RunningDemoSite {
        try startBlocking(Options(port: port, databasePath: databasePath, payeeKey: payeeKey))
    }

    public static func startBlocking(_ options: Options) throws -> RunningDemoSite {
        try Blocking.run { try await start(options) }
    }

    /// Serves until the process gets SIGINT or SIGTERM, then stops cleanly (in-flight
    /// requests finish, the ledger is closed). `onListening` runs once the site listens.
    public static func runUntilSignalled(_ options: Options,
                                         onListening: @escaping @Sendable (RunningDemoSite) -> Void = { _ in }) async throws {
        let site = try await start(options, shutdownOnSignals: true)
        onListening(site)
        try await site.waitUntilStopped()
    }

    /// `runUntilSignalled` for a synchronous `main`.
    public static func runUntilSignalledBlocking(_ options: Options,
                                                 onListening: @escaping @Sendable (RunningDemoSite) -> Void = { _ in }) throws {
        try Blocking.run { try await runUntilSignalled(options, onListening: onListening) }
    }

    private static func start(_ options: Options, shutdownOnSignals: Bool) async throws -> RunningDemoSite {
        guard (0...65535).contains(options.port) else { throw DemoSiteError("port \(options.port) is not between 0 and 65535") }
        let keyPath = options.payeeKey == nil ? options.databasePath.map(PayeeKeyFile.path(forDatabase:)) : nil
        let key: PrivateKey
        if let given = options.payeeKey {
            key = given
        } else if let keyPath {
            key = try PayeeKeyFile.loadOrCreate(at: keyPath)
        } else {
            key = PrivateKey.generate()
        }
        let ledger: Ledger
        do {
            ledger = try Ledger(path: options.databasePath)
        } catch {
            throw DemoSiteError("cannot open the ledger \(options.databasePath ?? "in memory"): \(error)")
        }
        let core = SiteCore(payeeKey: key, ledger: ledger, clock: options.clock, databasePath: options.databasePath,
                            payeeKeyPath: keyPath)
        do {
            let server = try await SiteServer.start(core: core, port: options.port, shutdownOnSignals: shutdownOnSignals,
                                                    requestLog: options.requestLog)
            return RunningDemoSite(core: core, port: server.port, group: server.group, task: server.task)
        } catch {
            ledger.close()
            throw DemoSiteError("cannot listen on 127.0.0.1:\(options.port): \(error)")
        }
    }
}
