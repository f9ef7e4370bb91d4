import Foundation

/// A rewrite applied to every row before a screen is compared with its snapshot, for what
/// differs from run to run (ports, keys, clocks) and must not fail a test.
public struct ScreenMask: Sendable {
    /// What it hides, for messages.
    public let name: String
    private let rewrite: @Sendable (String) -> String

    public init(_ name: String, _ rewrite: @escaping @Sendable (String) -> String) {
        self.name = name
        self.rewrite = rewrite
    }

    /// Replaces every match of the regular expression `pattern` with `replacement`.
    public static func regex(_ name: String, _ pattern: String, _ replacement: String) -> ScreenMask {
        ScreenMask(name) { row in
            // The patterns are the tests' own constants: a bad one is a bug in the test.
            let expression = try! NSRegularExpression(pattern: pattern)
            return expression.stringByReplacingMatches(in: row, range: NSRange(row.startIndex..., in: row),
                                                       withTemplate: replacement)
        }
    }

    public func apply(_ row: String) -> String { rewrite(row) }
}

/// A screen stored as text, one row per line with trailing blanks removed: the expected
/// checkpoint of a recorded UI test.
public struct ScreenSnapshot: Equatable, Sendable {
    public var rows: [String]

    public init(rows: [String]) { self.rows = rows }

    /// The rows of a live screen after the masks.
    public init(screen rows: [String], masks: [ScreenMask]) {
        self.rows = rows.map { row in
            var row = row
            for mask in masks { row = mask.apply(row) }
            return Self.trimmingTrailingBlanks(row)
        }
    }

    /// Reads a stored snapshot; nil when there is none.
    public init?(contentsOf path: String) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        rows = lines.map(Self.trimmingTrailingBlanks)
    }

    public var text: String { rows.joined(separator: "\n") + "\n" }

    public func write(to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// The rows that differ, as `-expected` / `+actual` pairs with their row numbers.
    public func difference(from expected: ScreenSnapshot) -> String {
        var lines: [String] = []
        for index in 0..<max(rows.count, expected.rows.count) {
            let want = index < expected.rows.count ? expected.rows[index] : "<no row>"
            let got = index < rows.count ? rows[index] : "<no row>"
            guard want != got else { continue }
            lines.append(String(format: "row %2d -%@", index, want))
            lines.append(String(format: "row %2d +%@", index, got))
        }
        return lines.joined(separator: "\n")
    }

    private static func trimmingTrailingBlanks(_ row: String) -> String {
        var row = Substring(row)
        while row.last == " " { row.removeLast() }
        return String(row)
    }
}

extension PseudoTerminalSession {
    /// Whether snapshots are written instead of compared: `PENNY_RECORD_SCREENS=1`.
    public static var recordsScreens: Bool {
        ProcessInfo.processInfo.environment["PENNY_RECORD_SCREENS"] == "1"
    }

    /// Waits until the masked screen equals the snapshot stored at `path`; throws with the
    /// rows that differ and the whole screen when it does not within `timeout`.
    ///
    /// Waiting, rather than comparing once, lets a checkpoint follow a key press without
    /// guessing how long the program takes to draw. With `PENNY_RECORD_SCREENS=1` the
    /// screen is written to `path` once it has not changed for half a second.
    public func expectScreen(matching path: String, masks: [ScreenMask], timeout: Duration = .seconds(10)) throws {
        if Self.recordsScreens {
            try waitForStillScreen(masks: masks, timeout: timeout).write(to: path)
            return
        }
        guard let expected = ScreenSnapshot(contentsOf: path) else {
            throw PseudoTerminalError.screenMismatch(report(
                "No stored screen at \(path): record it with PENNY_RECORD_SCREENS=1 and review it before committing."))
        }
        var actual = ScreenSnapshot(screen: screenRows, masks: masks)
        do {
            try waitUntil(timeout: timeout, "the screen of \((path as NSString).lastPathComponent)") { session in
                actual = ScreenSnapshot(screen: session.screenRows, masks: masks)
                return actual == expected
            }
        } catch {
            throw PseudoTerminalError.screenMismatch(
                "The screen differs from \(path) (re-record with PENNY_RECORD_SCREENS=1):\n"
                    + actual.difference(from: expected) + "\n\n\(error)")
        }
    }

    /// The masked screen once it has stayed the same for half a second.
    private func waitForStillScreen(masks: [ScreenMask], timeout: Duration) throws -> ScreenSnapshot {
        var last = ScreenSnapshot(screen: screenRows, masks: masks)
        var since = ContinuousClock.now
        try waitUntil(timeout: timeout, "a still screen") { session in
            let now = ScreenSnapshot(screen: session.screenRows, masks: masks)
            if now != last {
                last = now
                since = ContinuousClock.now
            }
            return ContinuousClock.now - since >= .milliseconds(500)
        }
        return last
    }
}
