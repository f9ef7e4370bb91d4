import PennyDump
import Testing

struct PennyPathsTests {
    @Test func pennyHomeHoldsEverything() throws {
        let paths = try #require(PennyPaths(environment: [
            "PENNY_HOME": "/srv/penny/", "HOME": "/home/me", "XDG_CONFIG_HOME": "/xdg/config",
        ]))
        #expect(paths.configFolder == "/srv/penny/config")
        #expect(paths.dataFolder == "/srv/penny/data")
        #expect(paths.configFile == "/srv/penny/config/config.toml")
        #expect(paths.themesFolder == "/srv/penny/config/themes")
        #expect(paths.cookieJar == "/srv/penny/data/cookies.txt")
        #expect(paths.bookmarksFile == "/srv/penny/data/bookmarks.html")
        #expect(paths.walletDatabase == "/srv/penny/data/wallet.sqlite")
        #expect(paths.walletKey == "/srv/penny/data/wallet.key")
    }

    @Test func xdgVariables() throws {
        let paths = try #require(PennyPaths(environment: [
            "HOME": "/home/me", "XDG_CONFIG_HOME": "/cfg", "XDG_DATA_HOME": "/data/",
        ]))
        #expect(paths.configFile == "/cfg/penny/config.toml")
        #expect(paths.themesFolder == "/cfg/penny/themes")
        #expect(paths.cookieJar == "/data/penny/cookies.txt")
        #expect(paths.walletKey == "/data/penny/wallet.key")
    }

    @Test func onlyHome() throws {
        let paths = try #require(PennyPaths(environment: ["HOME": "/home/me"]))
        #expect(paths.configFile == "/home/me/.config/penny/config.toml")
        #expect(paths.themesFolder == "/home/me/.config/penny/themes")
        #expect(paths.bookmarksFile == "/home/me/.local/share/penny/bookmarks.html")
        #expect(paths.walletDatabase == "/home/me/.local/share/penny/wallet.sqlite")
    }

    @Test func emptyAndRelativeVariablesAreIgnored() throws {
        let paths = try #require(PennyPaths(environment: [
            "PENNY_HOME": "", "HOME": "/home/me", "XDG_CONFIG_HOME": "relative/config", "XDG_DATA_HOME": "",
        ]))
        #expect(paths.configFolder == "/home/me/.config/penny")
        #expect(paths.dataFolder == "/home/me/.local/share/penny")
    }

    @Test func nowhereToGo() {
        #expect(PennyPaths(environment: [:]) == nil)
        #expect(PennyPaths(environment: ["XDG_CONFIG_HOME": "/cfg"]) == nil)
        #expect(PennyPaths(environment: ["XDG_CONFIG_HOME": "/cfg", "XDG_DATA_HOME": "/data"])?.dataFolder
            == "/data/penny")
        #expect(PennyPaths(environment: ["PENNY_HOME": "/"])?.configFolder == "/config")
    }
}
