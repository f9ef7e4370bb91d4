import Foundation
import PseudoTerminal
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What the fuzzers found, each shown on the real `penny` (see safety/README.md).
@Suite("Fuzzer findings")
struct FuzzFindingsTests {
    /// toml++ 3.4 (inside TOMLKit) asserts and aborts on malformed TOML instead of reporting an
    /// error: a config file or theme with one of these lines killed Penny at start, in debug and
    /// release builds alike. The Makefile now builds with `-Xcxx -DNDEBUG` (SWIFT_FLAGS); a
    /// plain `swift build` still aborts.
    static let crashingTOML = [
        "[über]",        // a table name that starts with a non-ASCII letter
        "[!]",           // or with punctuation
        "[[[a]]]",       // tomlplusplus pull request #301
        "a = 1\n[\nb = 2", // a header left open
        "s = [}",        // `}` where an array expects a value (parse_value's assertion)
    ]

    /// Swift's backtracer would hold a crashed Penny on the terminal, asking for a key.
    static let noBacktrace = ["SWIFT_BACKTRACE": "enable=no"]

    @Test(arguments: crashingTOML)
    func aBrokenConfigFileIsAWarningNotACrash(_ line: String) throws {
        let penny = try Penny(label: "toml")
        defer { penny.remove() }
        try FileManager.default.createDirectory(atPath: penny.home + "/config", withIntermediateDirectories: true)
        try Data("theme = \"default\"\n\(line)\n".utf8).write(to: URL(fileURLWithPath: penny.home + "/config/config.toml"))
        let session = try PseudoTerminalSession(executable: Penny.executable, arguments: [], environment: Self.noBacktrace,
                                                width: 100, height: 30, home: penny.home, name: "SafetyTests-brokenConfig")
        defer { session.stop() }
        // Still running after three seconds: it started. (waitForExit throws when it does not exit.)
        let status = try? session.waitForExit(timeout: .seconds(3))
        #expect(status == nil, "penny exited with \(status.map(String.init) ?? "-") (134 is SIGABRT) on a config.toml holding \(line.debugDescription): \(session.screenText.prefix(300))")
        if status == nil {
            // Fails today: BrowserRuntime.init puts the warning on the status line, and the first
            // page load (the start page included) replaces it before anything is drawn.
            #expect(session.screenText.contains("config.toml"), "the config file's problem is shown: \(session.screenRows.last ?? "")")
            session.send(text: "Q")
        }
    }

    @Test(arguments: crashingTOML)
    func aBrokenThemeIsAWarningNotACrash(_ line: String) throws {
        let penny = try Penny(label: "toml")
        defer { penny.remove() }
        try FileManager.default.createDirectory(atPath: penny.home + "/config/themes", withIntermediateDirectories: true)
        try Data("name = \"broken\"\n\(line)\n".utf8).write(to: URL(fileURLWithPath: penny.home + "/config/themes/broken.toml"))
        let session = try PseudoTerminalSession(executable: Penny.executable, arguments: ["--theme", "broken"],
                                                environment: Self.noBacktrace, width: 100, height: 30, home: penny.home, name: "SafetyTests-brokenTheme")
        defer { session.stop() }
        let status = try? session.waitForExit(timeout: .seconds(3))
        #expect(status == nil, "penny exited with \(status.map(String.init) ?? "-") (134 is SIGABRT) on a theme holding \(line.debugDescription): \(session.screenText.prefix(300))")
        if status == nil {
            #expect(session.screenText.contains("broken"), "the theme's problem is shown: \(session.screenRows.last ?? "")")
            session.send(text: "Q")
        }
    }

    /// A list item inside an inline element (`<ol><i><li>`, which HTML parsers keep as the
    /// item's parent): its marker is wider than the list's marker column, and the line comes
    /// out one cell wider than the page (and than the line's own `width`).
    @Test func aListMarkerNeverPushesALinePastThePageWidth() throws {
        let penny = try Penny(label: "layout")
        defer { penny.remove() }
        let page = penny.home + "/list.html"
        try Data("<ol><i><li>abcdefgh ijklmnop qrstuvwx</li><li>second item here</li></i></ol>".utf8)
            .write(to: URL(fileURLWithPath: page))
        for width in [8, 12, 20] {
            let outcome = try penny.run(["--dump", "--width", String(width), page])
            #expect(outcome.status == 0)
            for line in outcome.outputText.split(separator: "\n") where line.count > width {
                Issue.record("a \(line.count)-cell line on a \(width)-cell page: \(String(line).debugDescription)")
            }
        }
    }
}
