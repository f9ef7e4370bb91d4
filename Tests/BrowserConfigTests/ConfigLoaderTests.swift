import BrowserConfig
import Foundation
import Testing

struct ConfigLoaderTests {
    func parse(_ source: String) -> (config: Config, warnings: [ConfigWarning]) {
        ConfigLoader.parse(source, file: "config.toml")
    }

    @Test func defaults() {
        let config = Config()
        #expect(config.homePage == nil)
        #expect(config.theme == "default")
        #expect(config.timeouts.connect == .seconds(10))
        #expect(config.timeouts.page == .seconds(60))
        #expect(config.keys == KeyBindings.defaults)
        let (parsed, warnings) = parse("# nothing but a comment\n")
        #expect(parsed == config)
        #expect(warnings.isEmpty)
    }

    @Test func missingFileGivesDefaultsWithoutWarnings() {
        let (config, warnings) = ConfigLoader.load(path: NSTemporaryDirectory() + "penny-no-such-\(UUID()).toml")
        #expect(config == Config())
        #expect(warnings.isEmpty)
    }

    @Test func fileOnDiskIsRead() throws {
        let path = NSTemporaryDirectory() + "penny-config-\(UUID()).toml"
        try "theme = \"light\"\nbogus = 1\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (config, warnings) = ConfigLoader.load(path: path)
        #expect(config.theme == "light")
        #expect(warnings.map(\.description) == ["\(path):2: unknown setting \"bogus\"; known: home-page, theme, [timeouts], [keys], [payments]"])
    }

    @Test func overrides() {
        let (config, warnings) = parse("""
            home-page = "https://example.com/start"
            theme = "solarized-dark"

            [timeouts]
            connect = 2.5
            page = 120

            [keys]
            "C-n" = "next-link"
            j = "scroll-up"
            h = "back"
            """)
        #expect(warnings.isEmpty)
        #expect(config.homePage == "https://example.com/start")
        #expect(config.theme == "solarized-dark")
        #expect(config.timeouts.connect == .milliseconds(2500))
        #expect(config.timeouts.page == .seconds(120))
        #expect(config.keys["C-n"] == .nextLink)
        #expect(config.keys["j"] == .scrollUp)
        #expect(config.keys["h"] == .back)
        #expect(config.keys["k"] == .scrollUp, "untouched defaults stay")
    }

    @Test func noneUnbindsAndNamesAreNormalised() {
        let (config, warnings) = parse("""
            [keys]
            q = "none"
            "ctrl-N" = "next-link"
            space = "none"
            Escape = "quit"
            """)
        #expect(warnings.isEmpty)
        #expect(config.keys["q"] == nil)
        #expect(config.keys["Space"] == nil)
        #expect(config.keys["C-n"] == .nextLink)
        #expect(config.keys["Esc"] == .quit)
        #expect(config.keys.count == KeyBindings.defaults.count - 1, "two unbound, one added")
    }

    @Test func unknownKeyWarnsWithItsLineAndTheRestStillApplies() {
        let (config, warnings) = parse("""
            theme = "light"
            colour = "blue"

            [timeouts]
            connect = 3
            read = 5
            """)
        #expect(config.theme == "light")
        #expect(config.timeouts.connect == .seconds(3))
        #expect(warnings.map(\.line) == [2, 6])
        #expect(warnings.first?.file == "config.toml")
        #expect(warnings.first?.description.hasPrefix("config.toml:2: unknown setting \"colour\"") == true)
        #expect(warnings.last?.message.hasPrefix("unknown setting \"read\" in [timeouts]") == true)
    }

    @Test func badValuesKeepTheirDefaults() {
        let (config, warnings) = parse("""
            home-page = "not a url"
            theme = 3

            [timeouts]
            connect = -1
            page = "soon"

            [keys]
            j = "jump-around"
            "Hyper-x" = "quit"
            k = 7
            x = "reload"
            """)
        #expect(config.homePage == nil)
        #expect(config.theme == "default")
        #expect(config.timeouts == Config.Timeouts())
        #expect(config.keys["j"] == .scrollDown)
        #expect(config.keys["k"] == .scrollUp)
        #expect(config.keys["x"] == .reload, "good entries next to bad ones still apply")
        #expect(warnings.map(\.line) == [1, 2, 5, 6, 9, 10, 11])
        let messages = warnings.map(\.message)
        #expect(messages[0].hasPrefix("home-page \"not a url\" is not an absolute URL"))
        #expect(messages[1] == "theme must be a string, not integer")
        #expect(messages[2].hasPrefix("timeouts.connect = -1 is out of range"))
        #expect(messages[3].hasPrefix("timeouts.page must be a number of seconds, not string"))
        #expect(messages[4].hasPrefix("unknown action \"jump-around\" for j in [keys]"))
        #expect(messages[5].hasPrefix("unknown key name \"Hyper-x\""))
        #expect(messages[6] == "keys.k must be a string, not integer")
    }

    @Test(arguments: [
        ("https://example.com", true), ("http://localhost:8080/x", true), ("file:///home/me/start.html", true),
        ("about:blank", true), ("gopher://example.org/", true),
        ("example.com", false), ("https:/example.com", false), ("https://", false), ("https://a b", false),
        ("1http://x", false), ("mailto:", false),
    ])
    func homePageMustBeAnAbsoluteURL(url: String, valid: Bool) {
        let (config, warnings) = parse("home-page = \"\(url)\"\n")
        #expect((config.homePage == url) == valid)
        #expect(warnings.isEmpty == valid)
    }

    @Test func emptyHomePageMeansTheStartPage() {
        let (config, warnings) = parse("home-page = \"\"\n")
        #expect(config.homePage == nil)
        #expect(warnings.isEmpty)
    }

    @Test func timeoutsOutOfRange() {
        let (config, warnings) = parse("[timeouts]\nconnect = 0\npage = 1e9\n")
        #expect(config.timeouts == Config.Timeouts())
        #expect(warnings.map(\.line) == [2, 3])
    }

    @Test func wrongTypesForTables() {
        let (config, warnings) = parse("keys = \"vim\"\ntimeouts = 5\n")
        #expect(config == Config())
        #expect(warnings.map(\.message) == ["keys must be a table: [keys]", "timeouts must be a table: [timeouts]"])
    }

    @Test func syntaxErrorGivesDefaultsAndTheLine() {
        let (config, warnings) = parse("theme = \"light\"\n\n[keys\nj = \"quit\"\n")
        #expect(config == Config())
        #expect(warnings.count == 1)
        #expect(warnings.first?.line == 3)
        #expect(warnings.first?.description.hasPrefix("config.toml:3: TOML syntax") == true)
    }

    @Test func keysWithDotsQuotesAndNULsAreHandled() {
        let (config, warnings) = parse(#"""
            [keys]
            "M-." = "reload"
            '"' = "help"
            "a\u0000b" = "quit"
            """#)
        #expect(config.keys["M-."] == .reload)
        #expect(config.keys["\""] == .help)
        #expect(warnings.map(\.line) == [1], "TOMLKit cuts the key at the NUL, so the table's line is the best there is")
    }

    @Test func dottedAndInlineKeysFindTheirLines() {
        let (_, warnings) = parse("""
            timeouts.connect = "x"
            keys = { j = "nope" }
            """)
        #expect(warnings.map(\.line) == [1, 2])
    }
}

struct PaymentLimitsConfigTests {
    @Test func paymentLimitsAreRead() {
        let (config, warnings) = ConfigLoader.parse("""
        [payments]
        max-per-payment = "0.50"
        daily-cap = "2"
        blocked-payees = ["0x209693Bc6afc0C5328bA36FaF03C514EF312287C"]
        """, file: "config.toml")
        #expect(warnings.isEmpty)
        #expect(config.payments.maxPerPayment == "0.50")
        #expect(config.payments.dailyCap == "2")
        #expect(config.payments.blockedPayees == ["0x209693bc6afc0c5328ba36faf03c514ef312287c"])
    }

    @Test func badPaymentLimitsWarnWithTheirLine() {
        let (config, warnings) = ConfigLoader.parse("""
        theme = "light"
        [payments]
        max-per-payment = "lots"
        blocked-payees = ["nobody"]
        """, file: "config.toml")
        #expect(config.payments.maxPerPayment == nil)
        #expect(config.theme == "light")
        #expect(warnings.count == 2)
        #expect(warnings.first?.line == 3)
    }
}
