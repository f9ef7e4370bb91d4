/// Where Penny keeps its files, worked out from environment variables.
///
/// `PENNY_HOME` puts everything under one folder: `config/` (with `themes/`) and `data/`.
/// Otherwise the XDG base directories: `$XDG_CONFIG_HOME/penny` (default
/// `~/.config/penny`) and `$XDG_DATA_HOME/penny` (default `~/.local/share/penny`).
/// Empty variables count as unset, and relative XDG ones are ignored, as the XDG spec asks.
public struct PennyPaths: Hashable, Sendable {
    /// The folder of `config.toml` and `themes/`.
    public var configFolder: String
    /// The folder of cookies, bookmarks and the wallet.
    public var dataFolder: String

    public init(configFolder: String, dataFolder: String) {
        self.configFolder = configFolder
        self.dataFolder = dataFolder
    }

    /// The paths for an environment (pass `ProcessInfo.processInfo.environment`); nil when
    /// none of `PENNY_HOME`, `HOME` or both absolute XDG variables says where to go.
    public init?(environment: [String: String]) {
        func value(_ name: String) -> String? {
            environment[name].flatMap { $0.isEmpty ? nil : $0 }
        }
        if let home = value("PENNY_HOME").map(Self.trimmingSlashes) {
            self.init(configFolder: home + "/config", dataFolder: home + "/data")
            return
        }
        let home = value("HOME").map(Self.trimmingSlashes)
        func base(_ name: String, orHome relative: String) -> String? {
            if let path = value(name), path.hasPrefix("/") { return Self.trimmingSlashes(path) }
            return home.map { $0 + relative }
        }
        guard let config = base("XDG_CONFIG_HOME", orHome: "/.config"),
              let data = base("XDG_DATA_HOME", orHome: "/.local/share") else { return nil }
        self.init(configFolder: config + "/penny", dataFolder: data + "/penny")
    }

    /// `config.toml`, the settings file.
    public var configFile: String { configFolder + "/config.toml" }
    /// The folder of user themes, which override built-in ones of the same name.
    public var themesFolder: String { configFolder + "/themes" }
    /// The cookie jar, in the Netscape `cookies.txt` format.
    public var cookieJar: String { dataFolder + "/cookies.txt" }
    /// The bookmarks, as a Netscape bookmark HTML file.
    public var bookmarksFile: String { dataFolder + "/bookmarks.html" }
    /// The wallet's SQLite database.
    public var walletDatabase: String { dataFolder + "/wallet.sqlite" }
    /// The key that protects the wallet.
    public var walletKey: String { dataFolder + "/wallet.key" }

    /// The path without trailing slashes (so `/` becomes empty and joins as `/config`).
    private static func trimmingSlashes(_ path: String) -> String {
        var path = Substring(path)
        while path.hasSuffix("/") { path = path.dropLast() }
        return String(path)
    }
}
